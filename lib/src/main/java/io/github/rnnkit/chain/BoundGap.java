package io.github.rnnkit.chain;

import io.github.rnnkit.activation.Activation;
import io.github.rnnkit.rnn.Forward;
import io.github.rnnkit.rnn.Rnn;
import io.github.rnnkit.util.Check;
import io.github.rnnkit.util.Matrices;
import io.github.rnnkit.util.Polar;

import java.util.Arrays;

/**
 * Where the gap between Pascanu's bound (γλ1)^T and the measured ‖∂h_T/∂h_0‖ of an RNN comes from:
 * from W (its products grow more slowly than λ1^k) or from the slopes (f'(z) below γ). Each of the
 * four corners is the norm of an actual product of matrices,
 *
 * <pre>
 *   P_k(A, S) = ‖ S_T A · S_{T−1} A ⋯ S_{T−k+1} A ‖₂,     k = 0..T
 *   A = W, the real weights,    or  W̄ = λ1 Q  (W = Q (WᵀW)^{1/2}: W with every singular value set to λ1)
 *   S_t = diag(f'(z_t)), the slopes along the trajectory,   or  γ I, every slope at its maximum
 *
 *   P(W̄, γI) = (γλ1)^T   the bound (Q^T is orthogonal)         P(W, γI) = ‖(γW)^T‖
 *   P(W̄, f') real slopes, W flattened                            P(W, f') = ‖∂h_T/∂h_0‖, measured
 * </pre>
 *
 * In decades (log10), the gap G = log P(W̄, γ) − log P(W, f') is split into a part for W and one for
 * the slopes by removing one cause, then the other; the two orders can disagree:
 *
 * <pre>
 *   W first:        w = log P(W̄, γ) − log P(W, γ),     s = log P(W, γ) − log P(W, f')
 *   slopes first:   s = log P(W̄, γ) − log P(W̄, f'),    w = log P(W̄, f') − log P(W, f')
 *   Shapley:        the average of the two orders (for two causes, the symmetric split)
 * </pre>
 *
 * In every order w + s = G. The slopes are those measured along the real trajectory; the corners
 * swap a factor in the product, they do not run the network again.
 */
public final class BoundGap {

    /** A corner of the split: which of W and the slopes is real. */
    public enum Corner {
        /** W̄ and γI: the bound (γλ1)^k. */
        BOUND,
        /** W and γI: ‖(γW)^k‖, the real W with every slope at its maximum. */
        REAL_W,
        /** W̄ and diag(f'(z_t)): the real slopes, W with every singular value λ1. */
        REAL_SLOPES,
        /** W and diag(f'(z_t)): the measured ‖∂h_T/∂h_{T−k}‖. */
        MEASURED
    }

    /** The order in which the two causes are removed. */
    public enum Order { W_FIRST, SLOPES_FIRST, SHAPLEY }

    /** The gap's split in decades: w from W, slopes from the slopes, w + slopes = the gap. */
    public record Split(double w, double slopes) {
    }

    private final double[][] w;
    private final double[][] flat;
    private final double gamma;
    private final double[][] slopes;
    private final double[] log10;

    private BoundGap(double[][] w, double[][] flat, double gamma, double[][] slopes) {
        this.w = w;
        this.flat = flat;
        this.gamma = gamma;
        this.slopes = slopes;
        this.log10 = new double[Corner.values().length];
        for (Corner c : Corner.values()) {
            log10[c.ordinal()] = log10Norms(c, false)[slopes.length];
        }
    }

    /** The split for a forward pass of {@code rnn}. */
    public static BoundGap of(Rnn rnn, Forward fwd) {
        if (rnn == null || fwd == null) {
            throw new IllegalArgumentException((rnn == null ? "rnn" : "fwd") + ": expected a value, got null");
        }
        return of(rnn.params().W(), rnn.activation(), fwd.zs());
    }

    /** The split for recurrent weights W (non-singular), activation f and pre-activations z_1..z_T (zs[t] = z_{t+1}). */
    public static BoundGap of(double[][] W, Activation f, double[][] zs) {
        double[][] slopes = StepSlopes.of(W, f, zs);
        double[][] q;
        try {
            q = Polar.orthogonalFactor(W);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("W: expected a non-singular matrix (W̄ is made from its polar factor), got "
                    + "one whose polar factor cannot be computed: " + e.getMessage(), e);
        }
        double[][] flat = Matrices.scale(Matrices.spectralNorm(W), q);
        return new BoundGap(Check.copy(W), flat, f.maxDerivative(), slopes);
    }

    /** T, the number of steps. */
    public int steps() {
        return slopes.length;
    }

    /** log10 P_T of a corner: log10 of the norm over all T steps. */
    public double log10(Corner c) {
        Check.notNull("c", c, "a Corner");
        return log10[c.ordinal()];
    }

    /** P_k of a corner for k = 0..T: the norm over the last k steps (1 for k = 0). */
    public double[] normsBack(Corner c) {
        Check.notNull("c", c, "a Corner");
        double[] logs = log10Norms(c, true);
        double[] out = new double[logs.length];
        for (int k = 0; k < logs.length; k++) {
            out[k] = Math.pow(10, logs[k]);
        }
        return out;
    }

    /** The gap in decades: log10 (γλ1)^T − log10 ‖∂h_T/∂h_0‖. */
    public double gap() {
        return log10(Corner.BOUND) - log10(Corner.MEASURED);
    }

    /** The gap split between W and the slopes, removing them in the given order (or averaging both). */
    public Split split(Order order) {
        Check.notNull("order", order, "W_FIRST, SLOPES_FIRST or SHAPLEY");
        double bound = log10(Corner.BOUND);
        double realW = log10(Corner.REAL_W);
        double realSlopes = log10(Corner.REAL_SLOPES);
        double measured = log10(Corner.MEASURED);
        Split wFirst = new Split(bound - realW, realW - measured);
        Split slopesFirst = new Split(realSlopes - measured, bound - realSlopes);
        return switch (order) {
            case W_FIRST -> wFirst;
            case SLOPES_FIRST -> slopesFirst;
            case SHAPLEY -> new Split((wFirst.w() + slopesFirst.w()) / 2, (wFirst.slopes() + slopesFirst.slopes()) / 2);
        };
    }

    /**
     * log10 P_k for k = 0..T ({@code every}) or only the last entry filled in. The running product is
     * divided by its largest entry after each step, the scale kept in a log, so that products of
     * hundreds of steps neither underflow nor overflow.
     */
    private double[] log10Norms(Corner c, boolean every) {
        boolean realW = c == Corner.REAL_W || c == Corner.MEASURED;
        boolean realSlopes = c == Corner.REAL_SLOPES || c == Corner.MEASURED;
        double[][] a = realW ? w : flat;
        int n = a.length;
        int steps = slopes.length;
        double[] out = new double[steps + 1];
        double[][] product = Matrices.identity(n, 1);
        double logScale = 0;
        for (int k = 1; k <= steps; k++) {
            double[] s = realSlopes ? slopes[steps - k] : filled(n, gamma);
            product = Matrices.times(product, Matrices.scaleRows(s, a));
            double largest = largestEntry(product);
            if (largest == 0) {
                // a product of exact zeros stays zero: every further norm is 0
                Arrays.fill(out, k, steps + 1, Double.NEGATIVE_INFINITY);
                return out;
            }
            divide(product, largest);
            logScale += Math.log10(largest);
            if (every || k == steps) {
                out[k] = logScale + Math.log10(Matrices.spectralNorm(product));
            }
        }
        return out;
    }

    private static double[] filled(int n, double value) {
        double[] v = new double[n];
        Arrays.fill(v, value);
        return v;
    }

    /** m / d in place, entry by entry (a subnormal d has no finite inverse to multiply by). */
    private static void divide(double[][] m, double d) {
        for (double[] row : m) {
            for (int j = 0; j < row.length; j++) {
                row[j] /= d;
            }
        }
    }

    private static double largestEntry(double[][] m) {
        double largest = 0;
        for (double[] row : m) {
            for (double v : row) {
                largest = Math.max(largest, Math.abs(v));
            }
        }
        return largest;
    }
}
