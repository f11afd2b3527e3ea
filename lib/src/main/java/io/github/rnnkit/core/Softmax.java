package io.github.rnnkit.core;

import io.github.rnnkit.util.Check;

/**
 * The softmax and its log-loss, computed so that no exponential overflows:
 *
 * <pre>
 *   p_k = e^{o_k} / Σ_j e^{o_j} = e^{o_k − m} / Σ_j e^{o_j − m}         m = max_j o_j
 *   log Σ_j e^{o_j} = m + log Σ_j e^{o_j − m}
 *   −log p_y = log Σ_j e^{o_j} − o_y          ∂(−log p_y)/∂o = p − onehot(y)
 * </pre>
 *
 * NaN in gives NaN out, as in numpy: a network whose activity has blown up gets a NaN loss,
 * which the trainer reports as divergence.
 */
public final class Softmax {

    private Softmax() {
    }

    /** p_t = softmax(o_t), as a new array: p_k = e^{o_k − m} / Σ_j e^{o_j − m}, m = max_j o_j. */
    public static double[] of(double[] o) {
        Check.nonEmpty("o", o);
        double[] p = new double[o.length];
        double sum = exponentials(o, max(o), p);
        for (int k = 0; k < o.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    /** log Σ_j e^{o_j}. */
    public static double logSumExp(double[] o) {
        Check.nonEmpty("o", o);
        double m = max(o);
        double sum = 0;
        for (double v : o) {
            sum += Math.exp(v - m);
        }
        return m + Math.log(sum);
    }

    /** The log-loss L_t = −log p_t[y_t] = log Σ_j e^{o_j} − o_y of one step: finite for logits of 1000. */
    public static double crossEntropy(double[] o, int y) {
        Check.index("y", y, Check.nonEmpty("o", o));
        return logSumExp(o) - o[y];
    }

    /**
     * −log softmax(o)[y], with its gradient p − onehot(y) written to {@code gradient}: one pass of
     * exponentials for both.
     */
    static double crossEntropyInto(double[] o, int y, double[] gradient) {
        double m = max(o);
        double sum = exponentials(o, m, gradient);
        for (int k = 0; k < o.length; k++) {
            gradient[k] /= sum;
        }
        gradient[y] -= 1;
        return m + Math.log(sum) - o[y];
    }

    /** e^{o_k − m} into {@code out}; returns their sum. */
    private static double exponentials(double[] o, double m, double[] out) {
        double sum = 0;
        for (int k = 0; k < o.length; k++) {
            out[k] = Math.exp(o[k] - m);
            sum += out[k];
        }
        return sum;
    }

    private static double max(double[] o) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : o) {
            m = Math.max(m, v);
        }
        return m;
    }
}
