package io.github.rnnkit.gated;

import io.github.rnnkit.util.Check;

/**
 * What a gated cell's forward pass kept for backpropagation: per step the input, the previous and
 * new hidden state (and cell state, for an LSTM), the gate values and the output y_t.
 * Accessors return copies; arrays are zero-based in time (index t is step t+1).
 */
public final class Trace {

    private final double[][] xs;
    private final double[][] hPrev;
    private final double[][] hs;
    private final double[][] cPrev;
    private final double[][] cs;
    private final double[][][] gates;
    private final double[][] outputs;

    Trace(int steps, boolean cell) {
        xs = new double[steps][];
        hPrev = new double[steps][];
        hs = new double[steps][];
        cPrev = cell ? new double[steps][] : null;
        cs = cell ? new double[steps][] : null;
        gates = new double[steps][][];
        outputs = new double[steps][];
    }

    void record(int t, double[] x, double[] hBefore, double[] cBefore, double[] h, double[] c, double[][] gateValues,
                double[] output) {
        xs[t] = x.clone();
        hPrev[t] = hBefore;
        hs[t] = h;
        if (cs != null) {
            cPrev[t] = cBefore;
            cs[t] = c;
        }
        gates[t] = gateValues;
        outputs[t] = output;
    }

    /** T, the number of steps. */
    public int length() {
        return xs.length;
    }

    /** The hidden states h_1..h_T. */
    public double[][] hs() {
        return Check.copy(hs);
    }

    /** The cell states c_1..c_T (LSTM only; null for a GRU). */
    public double[][] cs() {
        return cs == null ? null : Check.copy(cs);
    }

    /** The outputs y_1..y_T. */
    public double[][] outputs() {
        return Check.copy(outputs);
    }

    /** The values of gate {@code n} (LSTM: 0 i, 1 f, 2 o, 3 g; GRU: 0 z, 1 r, 2 n) at each step. */
    public double[][] gate(int n) {
        // A GRU keeps U_n h_{t-1} after its three gates for the backward pass; it is no gate.
        int count = hasCell() ? Lstm.GATES.length : Gru.GATES.length;
        if (n < 0 || n >= count) {
            throw new IllegalArgumentException("n: expected a gate index in [0, " + (count - 1) + "], got " + n);
        }
        double[][] out = new double[xs.length][];
        for (int t = 0; t < xs.length; t++) {
            out[t] = gates[t][n].clone();
        }
        return out;
    }

    boolean hasCell() {
        return cs != null;
    }

    double[] xView(int t) {
        return xs[t];
    }

    double[] hPrevView(int t) {
        return hPrev[t];
    }

    double[] hView(int t) {
        return hs[t];
    }

    double[] cPrevView(int t) {
        return cPrev[t];
    }

    double[] cView(int t) {
        return cs[t];
    }

    double[][] gatesView(int t) {
        return gates[t];
    }

    double[][] outputsView() {
        return outputs;
    }
}
