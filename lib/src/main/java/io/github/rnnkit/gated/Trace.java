package io.github.rnnkit.gated;

import io.github.rnnkit.util.Check;

import java.util.List;

/**
 * What a gated network's forward pass kept for backpropagation: per step the input, the hidden
 * state (and the memory cell, for an LSTM), the gate values and the logits o_t.
 *
 * <p>Two ways to read it: one step in the maths' numbering, {@code h(t)} = h_t and {@code m(t)} =
 * m_t for t = 0..T (h_0 = m_0 = 0); or every step at once, zero-based, {@code hs()[t-1]} = h_t.
 * A gate's values by its letter: an LSTM's i, f, q, g, a GRU's u, r, n. Accessors return copies.
 */
public final class Trace {

    private final double[][] xs;
    private final double[][] hs;
    private final double[][] ms;
    private final double[][][] gates;
    private final double[][] logits;
    private final List<String> gateNames;

    /** An empty trace of {@code steps} steps with these gate letters; h_0 (and m_0 with {@code memory}) are zeros. */
    Trace(int steps, int hidden, boolean memory, List<String> gateNames) {
        xs = new double[steps][];
        hs = new double[steps + 1][];
        hs[0] = new double[hidden];
        ms = memory ? new double[steps + 1][] : null;
        if (memory) {
            ms[0] = new double[hidden];
        }
        gates = new double[steps][][];
        logits = new double[steps][];
        this.gateNames = gateNames;
    }

    /** Step t+1 (zero-based t): its input, new state h and memory m (null for a GRU), gate values and logits. */
    void record(int t, double[] x, double[] h, double[] m, double[][] gateValues, double[] o) {
        xs[t] = x.clone();
        hs[t + 1] = h;
        if (ms != null) {
            ms[t + 1] = m;
        }
        gates[t] = gateValues;
        logits[t] = o;
    }

    /** T, the number of steps. */
    public int length() {
        return xs.length;
    }

    /** The hidden states h_1..h_T. */
    public double[][] hs() {
        return copy(hs);
    }

    /** The memory cells m_1..m_T (LSTM only; null for a GRU). */
    public double[][] ms() {
        return ms == null ? null : copy(ms);
    }

    /** h_t for t = 0..T. */
    public double[] h(int t) {
        return hs[step(t)].clone();
    }

    /** m_t for t = 0..T (LSTM only). */
    public double[] m(int t) {
        if (ms == null) {
            throw new IllegalStateException("m: only an LSTM has a memory cell");
        }
        return ms[step(t)].clone();
    }

    /** The logits o_1..o_T. */
    public double[][] logits() {
        return Check.copy(logits);
    }

    /** The values of the gate called {@code letter} (LSTM: i, f, q, g; GRU: u, r, n) at steps 1..T. */
    public double[][] gate(String letter) {
        int n = gateNames.indexOf(letter);
        if (n < 0) {
            throw new IllegalArgumentException("letter: expected one of the gates " + gateNames + ", got " + letter);
        }
        double[][] out = new double[xs.length][];
        for (int t = 0; t < xs.length; t++) {
            out[t] = gates[t][n].clone();
        }
        return out;
    }

    private int step(int t) {
        if (t < 0 || t > xs.length) {
            throw new IllegalArgumentException("t: expected a step in [0, " + xs.length + "], got " + t);
        }
        return t;
    }

    /** States 1..T of a (T+1)-row array, copied. */
    private static double[][] copy(double[][] states) {
        double[][] out = new double[states.length - 1][];
        for (int t = 1; t < states.length; t++) {
            out[t - 1] = states[t].clone();
        }
        return out;
    }

    boolean hasMemory() {
        return ms != null;
    }

    double[] xView(int t) {
        return xs[t];
    }

    /** h_t itself, t = 0..T. */
    double[] hView(int t) {
        return hs[t];
    }

    /** m_t itself, t = 0..T. */
    double[] mView(int t) {
        return ms[t];
    }

    double[][] gatesView(int t) {
        return gates[t];
    }

    double[][] logitsView() {
        return logits;
    }
}
