package io.github.rnnkit.rnn;

import io.github.rnnkit.util.Check;

/**
 * A tanh RNN is a sigmoid RNN in disguise. Since tanh(a) = 2σ(2a) − 1, the states h_t of a tanh
 * RNN with parameters U, W, b, V, c and the states s_t = (h_t + 1)/2 of a sigmoid RNN with
 *
 * <pre>
 *   U' = 2U,   W' = 4W,   b' = 2(b − W·1),   V' = 2V,   c' = c − V·1,   s_0 = (h_0 + 1)/2
 * </pre>
 *
 * obey the same recurrence: substituting h_{t−1} = 2 s_{t−1} − 1 into 2(U x_t + W h_{t−1} + b)
 * gives U' x_t + W' s_{t−1} + b', and o_t = V h_t + c = V' s_t + c'. Every Jacobian agrees too:
 * diag(σ'(z'_t))·W' = diag(4σ'(2z_t))·W = diag(tanh'(z_t))·W. So "tanh against sigmoid with the
 * same W" compares a network with a network four times weaker; at W' = 4W they are one network.
 */
public final class TanhAsSigmoid {

    private TanhAsSigmoid() {
    }

    /** The sigmoid RNN's parameters U', W', b', V', c' that reproduce the tanh RNN with parameters {@code tanh}. */
    public static RnnParams params(RnnParams tanh) {
        Check.notNull("tanh", tanh, "the RnnParams of a tanh RNN");
        double[][] w = tanh.W();
        double[][] v = tanh.V();
        double[] b = tanh.b();
        double[] c = tanh.c();
        double[] bPrime = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            bPrime[i] = 2 * (b[i] - rowSum(w[i]));
        }
        double[] cPrime = new double[c.length];
        for (int k = 0; k < c.length; k++) {
            cPrime[k] = c[k] - rowSum(v[k]);
        }
        return RnnParams.of(scaled(2, tanh.U()), scaled(4, w), bPrime, scaled(2, v), cPrime);
    }

    /** The sigmoid RNN's state s = (h + 1)/2 for a tanh RNN's state h (h_0 = 0 gives s_0 = ½·1). */
    public static double[] state(double[] h) {
        Check.vector("h", h);
        double[] s = new double[h.length];
        for (int i = 0; i < h.length; i++) {
            s[i] = (h[i] + 1) / 2;
        }
        return s;
    }

    private static double rowSum(double[] row) {
        double sum = 0;
        for (double x : row) {
            sum += x;
        }
        return sum;
    }

    private static double[][] scaled(double s, double[][] a) {
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= s;
            }
        }
        return a;
    }
}
