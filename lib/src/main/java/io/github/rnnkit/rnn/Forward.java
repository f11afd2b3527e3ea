package io.github.rnnkit.rnn;

import io.github.rnnkit.util.Check;

/**
 * The record of one forward pass over x_1..x_T, everything BPTT needs:
 *
 * <pre>
 *   z_t = U x_t + W h_{t-1} + b,   h_t = f(z_t),   o_t = V h_t + c,   p_t = softmax(o_t)
 * </pre>
 *
 * Arrays are zero-based in time: {@code hs()[t]} is h after step t+1, and so on. Every accessor
 * returns a copy.
 */
public final class Forward {

    private final double[][] xs;
    private final double[] h0;
    private final double[][] zs;
    private final double[][] hs;
    private final double[][] logits;
    private final double[][] probs;

    Forward(double[][] xs, double[] h0, double[][] zs, double[][] hs, double[][] logits, double[][] probs) {
        this.xs = xs;
        this.h0 = h0;
        this.zs = zs;
        this.hs = hs;
        this.logits = logits;
        this.probs = probs;
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
        return Check.copy(probs);
    }

    /** L = Σ_t −log p_t[y_t], computed from the logits with log-sum-exp, so it is finite for logits of 1000. */
    public double loss(int[] targets) {
        checkTargets(targets);
        double loss = 0;
        for (int t = 0; t < xs.length; t++) {
            loss += Softmax.logSumExp(logits[t]) - logits[t][targets[t]];
        }
        return loss;
    }

    /** L = ½ ‖o_T − y‖², the squared error of the last step's output (a regression head). */
    public double lastStepSquaredError(double[] target) {
        double[] o = logits[xs.length - 1];
        Check.vector("target", target, o.length);
        double sum = 0;
        for (int k = 0; k < o.length; k++) {
            sum += (o[k] - target[k]) * (o[k] - target[k]);
        }
        return sum / 2;
    }

    void checkTargets(int[] targets) {
        if (targets == null || targets.length != xs.length) {
            throw new IllegalArgumentException("targets: expected " + xs.length + " class indices (one per step), got "
                    + (targets == null ? "null" : targets.length));
        }
        int k = logits[0].length;
        for (int t = 0; t < targets.length; t++) {
            if (targets[t] < 0 || targets[t] >= k) {
                throw new IllegalArgumentException("targets[" + t + "]: expected a class index in [0, " + (k - 1)
                        + "], got " + targets[t]);
            }
        }
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

    double[][] probsView() {
        return probs;
    }
}
