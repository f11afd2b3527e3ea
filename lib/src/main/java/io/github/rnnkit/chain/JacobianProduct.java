package io.github.rnnkit.chain;

import io.github.rnnkit.activation.Activation;
import io.github.rnnkit.rnn.Forward;
import io.github.rnnkit.rnn.Rnn;
import io.github.rnnkit.util.Check;
import io.github.rnnkit.util.Matrices;

import java.util.Random;

/**
 * The whole product of an RNN's step Jacobians, P = ∂h_T/∂h_0 = J_T J_{T−1} ⋯ J_1 with
 * J_t = diag(f'(z_t)) W, read through what it does to vectors, never formed as a matrix:
 *
 * <pre>
 *   P v :   v ← f'(z_t) ⊙ (W v)        for t = 1 … T
 *   Pᵀ u:   u ← Wᵀ (f'(z_t) ⊙ u)       for t = T … 1
 *   ‖P‖₂ = max over unit v of ‖P v‖, by power iteration on PᵀP      rate per step ‖P‖₂^(1/T)
 * </pre>
 *
 * Each iteration costs 2T products of W with a vector, where forming P costs T products of H×H
 * matrices: at H = 128 that is the difference between a survey over seeds in a second and in a
 * minute. The vector is renormalised after every step and its norm kept as a logarithm, so a
 * product of 1e-400 or 1e400 is still read ({@link #logNorm()}).
 *
 * <p>Beside the norm it summarises the slopes f'(z_{t,i}) met along the trajectory (all T·H of
 * them), because which average of the slopes predicts the rate is the question lesson 02 measures:
 * the geometric mean exp(mean ln f') is exact for one unit (H = 1: the rate is |w| · geometric mean), the
 * root mean square sqrt(mean f'²) is the mean-field prediction for a wide random W, where
 * E‖diag(d) W v‖² = mean(d²) · E‖W v‖².
 */
public final class JacobianProduct {

    /** The power iteration stops when ln‖P v‖ changes by less than this (a relative change of 1e-12). */
    private static final double TOLERANCE = 1e-12;
    private static final int MAX_ITERATIONS = 5_000;
    private static final long START_SEED = 20170523L;

    private final int steps;
    private final double logNorm;
    private final int iterations;
    private final double geometricMeanSlope;
    private final double meanSlope;
    private final double rmsSlope;

    private JacobianProduct(int steps, double logNorm, int iterations, double[][] slopes) {
        this.steps = steps;
        this.logNorm = logNorm;
        this.iterations = iterations;
        double logSum = 0;
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (double[] row : slopes) {
            for (double d : row) {
                logSum += Math.log(Math.abs(d));
                sum += d;
                squares += d * d;
                n++;
            }
        }
        this.geometricMeanSlope = Math.exp(logSum / n);
        this.meanSlope = sum / n;
        this.rmsSlope = Math.sqrt(squares / n);
    }

    /** The product for a forward pass of {@code rnn}. */
    public static JacobianProduct of(Rnn rnn, Forward fwd) {
        Check.notNull("rnn", rnn, "an Rnn");
        Check.notNull("fwd", fwd, "a Forward of that Rnn");
        if (fwd.h0().length != rnn.params().hiddenSize()) {
            throw new IllegalArgumentException("fwd: expected a forward pass of an RNN with H = " + rnn.params().hiddenSize()
                    + ", got one with H = " + fwd.h0().length);
        }
        return of(rnn.params().W(), rnn.activation(), fwd.zs());
    }

    /** The product for recurrent weights W, activation f and pre-activations z_1..z_T (zs[t] = z_{t+1}). */
    public static JacobianProduct of(double[][] W, Activation f, double[][] zs) {
        double[][] slopes = StepSlopes.of(W, f, zs);
        int h = W.length, steps = slopes.length;
        Random rng = new Random(START_SEED);
        double[] v = new double[h];
        for (int i = 0; i < h; i++) {
            v[i] = rng.nextGaussian();
        }
        v = unit(v);
        double best = Double.NEGATIVE_INFINITY;
        int iteration = 0;
        while (iteration < MAX_ITERATIONS) {
            iteration++;
            double[] u = v.clone();
            double logForward = 0;
            for (int t = 0; t < steps && logForward > Double.NEGATIVE_INFINITY; t++) {
                u = times(slopes[t], Matrices.times(W, u));
                logForward += renormalise(u);
            }
            if (logForward == Double.NEGATIVE_INFINITY) {
                break;                                  // P v = 0 for every v: some step has f' = 0 on every unit the signal uses
            }
            for (int t = steps - 1; t >= 0; t--) {
                u = Matrices.transposeTimes(W, times(slopes[t], u));
                renormalise(u);
            }
            v = u;
            boolean settled = logForward - best < TOLERANCE;
            best = Math.max(best, logForward);
            if (settled) {
                break;
            }
        }
        return new JacobianProduct(steps, best, iteration, slopes);
    }

    /** T, the number of Jacobians in the product. */
    public int steps() {
        return steps;
    }

    /** ln ‖P‖₂ (−∞ when P = 0). */
    public double logNorm() {
        return logNorm;
    }

    /** ‖P‖₂ = ‖∂h_T/∂h_0‖₂ (0 or ∞ where the number leaves the range of a double; {@link #logNorm()} does not). */
    public double norm() {
        return Math.exp(logNorm);
    }

    /** The rate per step ‖P‖₂^(1/T): above 1 the product grows, below 1 it shrinks. */
    public double ratePerStep() {
        return Math.exp(logNorm / steps);
    }

    /** How many power iterations it took (each costs 2T products of W with a vector). */
    public int iterations() {
        return iterations;
    }

    /** exp(mean of ln |f'(z_{t,i})|) over every step and unit. */
    public double geometricMeanSlope() {
        return geometricMeanSlope;
    }

    /** The mean of f'(z_{t,i}) over every step and unit. */
    public double meanSlope() {
        return meanSlope;
    }

    /** sqrt(mean of f'(z_{t,i})²) over every step and unit. */
    public double rmsSlope() {
        return rmsSlope;
    }

    private static double[] times(double[] d, double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = d[i] * x[i];
        }
        return out;
    }

    /** Divides x by its norm in place and returns ln of that norm (−∞ for x = 0, then left as it is). */
    private static double renormalise(double[] x) {
        double n = Matrices.norm(x);
        if (n == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        for (int i = 0; i < x.length; i++) {
            x[i] /= n;
        }
        return Math.log(n);
    }

    private static double[] unit(double[] x) {
        double[] out = x.clone();
        renormalise(out);
        return out;
    }
}
