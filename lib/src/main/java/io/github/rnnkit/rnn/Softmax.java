package io.github.rnnkit.rnn;

import io.github.rnnkit.util.Check;

/**
 * p_k = e^{o_k} / Σ_j e^{o_j}, computed as e^{o_k − m} / Σ_j e^{o_j − m} with m = max_j o_j, so no
 * exponential overflows; log Σ_j e^{o_j} = m + log Σ_j e^{o_j − m} likewise. NaN in gives NaN out,
 * as in numpy: a network whose activity has blown up gets a NaN loss, which the trainer reports.
 */
public final class Softmax {

    private Softmax() {
    }

    /** softmax(o) as a new array. */
    public static double[] of(double[] o) {
        Check.nonEmpty("o", o);
        double m = max(o);
        double[] p = new double[o.length];
        double sum = 0;
        for (int k = 0; k < o.length; k++) {
            p[k] = Math.exp(o[k] - m);
            sum += p[k];
        }
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

    private static double max(double[] o) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : o) {
            m = Math.max(m, v);
        }
        return m;
    }
}
