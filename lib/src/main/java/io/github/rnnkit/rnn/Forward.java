package io.github.rnnkit.rnn;

import io.github.rnnkit.core.Loss;
import io.github.rnnkit.core.Softmax;
import io.github.rnnkit.util.Check;

/**
 * The record of one forward pass over x_1..x_T, everything BPTT needs:
 *
 * <pre>
 *   z_t = U x_t + W h_{t-1} + b,   h_t = f(z_t),   o_t = V h_t + c,   p_t = softmax(o_t)
 * </pre>
 *
 * Two ways to read it: one step in the maths' numbering, {@code h(t)} = h_t for t = 0..T (h(0)
 * is h_0), {@code z(t)}, {@code o(t)}, {@code p(t)} for t = 1..T; or every step at once,
 * zero-based, {@code hs()[t-1]} = h_t. Every accessor returns a copy. Immutable (p_t is computed
 * on first use).
 */
public final class Forward {

    private final double[][] xs;
    private final double[] h0;
    private final double[][] zs;
    private final double[][] hs;
    private final double[][] logits;
    private double[][] probs;

    Forward(double[][] xs, double[] h0, double[][] zs, double[][] hs, double[][] logits) {
        this.xs = xs;
        this.h0 = h0;
        this.zs = zs;
        this.hs = hs;
        this.logits = logits;
    }

    /** T, the number of steps. */
    public int length() {
        return xs.length;
    }

    /** The inputs x_1..x_T. */
    public double[][] xs() {
        return Check.copy(xs);
    }

    /** The initial hidden state h_0. */
    public double[] h0() {
        return h0.clone();
    }

    /** The pre-activations z_1..z_T. */
    public double[][] zs() {
        return Check.copy(zs);
    }

    /** The hidden states h_1..h_T. */
    public double[][] hs() {
        return Check.copy(hs);
    }

    /** The output scores o_1..o_T (logits). */
    public double[][] logits() {
        return Check.copy(logits);
    }

    /** The softmax probabilities p_1..p_T. */
    public double[][] probs() {
        return Check.copy(probsView());
    }

    /** x_t, for t = 1..T. */
    public double[] x(int t) {
        return xs[step(t)].clone();
    }

    /** z_t, for t = 1..T. */
    public double[] z(int t) {
        return zs[step(t)].clone();
    }

    /** h_t, for t = 0..T: h(0) is the initial state. */
    public double[] h(int t) {
        if (t < 0 || t > xs.length) {
            throw new IllegalArgumentException("t: expected a step in [0, " + xs.length + "], got " + t);
        }
        return t == 0 ? h0.clone() : hs[t - 1].clone();
    }

    /** o_t, the logits of step t, for t = 1..T. */
    public double[] o(int t) {
        return logits[step(t)].clone();
    }

    /** p_t = softmax(o_t), for t = 1..T. */
    public double[] p(int t) {
        return probsView()[step(t)].clone();
    }

    /** L = Σ_t −log p_t[y_t], computed from the logits with log-sum-exp, so it is finite for logits of 1000. */
    public double loss(int[] targets) {
        return Loss.crossEntropy(targets).value(logits);
    }

    /** L = ½ ‖o_T − y‖², the squared error of the last step's output (a regression head). */
    public double lastStepSquaredError(double[] target) {
        return Loss.lastStepSquaredError(target).value(logits);
    }

    /** The zero-based index of step t, 1 ≤ t ≤ T. */
    private int step(int t) {
        if (t < 1 || t > xs.length) {
            throw new IllegalArgumentException("t: expected a step in [1, " + xs.length + "], got " + t);
        }
        return t - 1;
    }

    private double[][] probsView() {
        if (probs == null) {
            double[][] p = new double[logits.length][];
            for (int t = 0; t < logits.length; t++) {
                p[t] = Softmax.of(logits[t]);
            }
            probs = p;
        }
        return probs;
    }

    double[][] xsView() {
        return xs;
    }

    double[] h0View() {
        return h0;
    }

    double[][] zsView() {
        return zs;
    }

    double[][] hsView() {
        return hs;
    }

    double[][] logitsView() {
        return logits;
    }
}
