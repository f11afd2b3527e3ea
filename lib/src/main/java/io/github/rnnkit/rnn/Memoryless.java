package io.github.rnnkit.rnn;

import io.github.rnnkit.util.Check;
import io.github.rnnkit.util.Matrices;

/**
 * A forward pass beside its memoryless twin: the state h_t = f(U x_t + W h_{t−1} + b) against
 * f(U x_t + b), what the same cell would hold without W. Three measures of how far the memory
 * takes the state from the input:
 *
 * <pre>
 *   the push        max_t ‖W h_{t−1}‖,  at most λ1 √H when every |h_i| ≤ 1 (tanh)
 *   following       the Pearson correlation of h_{t,i} with f(U x_t + b)_i over every step and unit
 *   saturation      the share of h_{t,i} with |h_{t,i}| above a level (0.95: tanh' = 1 − h² below 0.1)
 * </pre>
 *
 * Immutable; every accessor returns a copy.
 */
public final class Memoryless {

    private final double[][] states;
    private final double[][] memoryless;
    private final double largestPush;

    private Memoryless(double[][] states, double[][] memoryless, double largestPush) {
        this.states = states;
        this.memoryless = memoryless;
        this.largestPush = largestPush;
    }

    /** Runs {@code rnn} over xs (xs[t] = x_{t+1}) from h_0 = 0 and its memoryless twin beside it. */
    public static Memoryless of(Rnn rnn, double[][] xs) {
        Check.notNull("rnn", rnn, "an Rnn");
        Forward fwd = rnn.forward(xs, null);
        RnnParams params = rnn.params();
        double[][] u = params.U();
        double[][] w = params.W();
        double[] b = params.b();
        double[][] hs = fwd.hsView();
        double[][] m = new double[hs.length][];
        double push = 0;
        for (int t = 0; t < hs.length; t++) {
            double[] z = Matrices.times(u, xs[t]);
            Matrices.addInto(z, b);
            m[t] = rnn.activation().applyAll(z);
            push = Math.max(push, Matrices.norm(Matrices.times(w, t == 0 ? fwd.h0View() : hs[t - 1])));
        }
        return new Memoryless(Check.copy(hs), m, push);
    }

    /** h_1..h_T. */
    public double[][] states() {
        return Check.copy(states);
    }

    /** The memoryless states f(U x_t + b) for t = 1..T. */
    public double[][] memoryless() {
        return Check.copy(memoryless);
    }

    /** max_t ‖W h_{t−1}‖. */
    public double largestPush() {
        return largestPush;
    }

    /** The Pearson correlation of h_{t,i} with f(U x_t + b)_i over every step and unit (NaN if either is constant). */
    public double correlation() {
        int n = states.length * states[0].length;
        double meanH = 0;
        double meanM = 0;
        for (int t = 0; t < states.length; t++) {
            for (int i = 0; i < states[t].length; i++) {
                meanH += states[t][i] / n;
                meanM += memoryless[t][i] / n;
            }
        }
        double shm = 0;
        double shh = 0;
        double smm = 0;
        for (int t = 0; t < states.length; t++) {
            for (int i = 0; i < states[t].length; i++) {
                double a = states[t][i] - meanH;
                double b = memoryless[t][i] - meanM;
                shm += a * b;
                shh += a * a;
                smm += b * b;
            }
        }
        return shm / Math.sqrt(shh * smm);
    }

    /** The share of states with |h_{t,i}| &gt; {@code level}. */
    public double saturatedShare(double level) {
        Check.nonNegative("level", level);
        int above = 0;
        int n = 0;
        for (double[] h : states) {
            for (double v : h) {
                above += Math.abs(v) > level ? 1 : 0;
                n++;
            }
        }
        return above / (double) n;
    }
}
