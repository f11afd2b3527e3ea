package io.github.rnnkit.clip;

import io.github.rnnkit.core.Params;
import io.github.rnnkit.rnn.Gradients;
import io.github.rnnkit.util.Check;
import io.github.rnnkit.util.Matrices;

import java.util.Arrays;

/**
 * Gradient clipping, the standard cure for exploding gradients:
 *
 * <pre>
 *   by value:        g_ij ← max(−θ, min(θ, g_ij))                      (each entry on its own)
 *   by norm:         g ← g · θ/‖g‖   if ‖g‖ > θ                         (one tensor)
 *   by global norm:  g_i ← g_i · θ/‖G‖ for every tensor, if ‖G‖ > θ    ‖G‖ = sqrt(Σ_i ‖g_i‖²)
 * </pre>
 *
 * The threshold θ is {@code theta} in every method. The norm rules follow TensorFlow: scale by
 * θ/‖g‖ only when ‖g‖ > θ, with no epsilon, so a gradient at or under the threshold comes back
 * exactly equal. Value clipping can turn the gradient's
 * direction; norm clipping never does. Every method returns new arrays and leaves its input as it
 * was. A gradient holding NaN or ±∞ is rejected with an IllegalArgumentException naming the
 * first such entry: no rule can give it a meaningful direction, and passing it on would silently
 * ruin the parameters (TensorFlow turns every entry into NaN instead; see {@link #tensorFlowGlobalNorm}).
 */
public final class Clipping {

    private Clipping() {
    }

    /** Each entry clamped to [−θ, θ], g_ij ← max(−θ, min(θ, g_ij)); entries inside the range are kept exactly. */
    public static double[][] byValue(double[][] g, double theta) {
        checkGradient("g", g);
        Check.nonNegative("theta", theta);
        double[][] out = new double[g.length][];
        for (int i = 0; i < g.length; i++) {
            double[] row = g[i];
            double[] clipped = new double[row.length];
            for (int j = 0; j < row.length; j++) {
                clipped[j] = Math.max(-theta, Math.min(theta, row[j]));
            }
            out[i] = clipped;
        }
        return out;
    }

    /** g ← g · θ/‖g‖_F when the Frobenius norm ‖g‖_F exceeds θ; otherwise an exact copy. */
    public static double[][] byNorm(double[][] g, double theta) {
        return byNormReport(g, theta).clipped();
    }

    /** Every parameter gradient scaled, g_i ← g_i · θ/‖G‖, when the global norm ‖G‖ = sqrt(Σ_i ‖g_i‖²) exceeds θ. */
    public static Gradients byGlobalNorm(Gradients g, double theta) {
        return byGlobalNormReport(g, theta).clipped();
    }

    /** {@link #byValue} with what it did. */
    public static Clipped<double[][]> byValueReport(double[][] g, double theta) {
        double[][] out = byValue(g, theta);
        boolean changed = false;
        for (int i = 0; i < g.length && !changed; i++) {
            changed = !Arrays.equals(g[i], out[i]);
        }
        double before = Matrices.frobenius(g);
        double after = Matrices.frobenius(out);
        return new Clipped<>(out, before, after, before == 0 ? 1 : after / before, changed);
    }

    /** {@link #byNorm} with what it did. */
    public static Clipped<double[][]> byNormReport(double[][] g, double theta) {
        checkGradient("g", g);
        Check.nonNegative("theta", theta);
        double norm = Matrices.frobenius(g);
        if (norm <= theta) {
            return new Clipped<>(Check.copy(g), norm, norm, 1, false);
        }
        double scale = theta / norm;
        double[][] out = Matrices.scale(scale, g);
        return new Clipped<>(out, norm, Matrices.frobenius(out), scale, true);
    }

    /** Every array of {@code g} scaled, g_i ← g_i · θ/‖G‖, when the global norm ‖G‖ = sqrt(Σ_i ‖g_i‖²) exceeds θ. */
    public static Params byGlobalNorm(Params g, double theta) {
        return byGlobalNormReport(g, theta).clipped();
    }

    /**
     * The global-norm rule, with what it did: g_i ← g_i · θ/‖G‖ for every array when
     * ‖G‖ = sqrt(Σ_i ‖g_i‖²) exceeds θ; otherwise g as it is.
     */
    public static Clipped<Params> byGlobalNormReport(Params g, double theta) {
        Check.notNull("g", g, "Params");
        double norm = g.norm();
        if (!Double.isFinite(norm)) {
            g.names().forEach(name -> checkGradient(name, g.get(name)));   // a norm is finite exactly when every entry is
        }
        Check.nonNegative("theta", theta);
        if (norm <= theta) {
            return new Clipped<>(g, norm, norm, 1, false);
        }
        Params out = g.scaled(theta / norm);
        return new Clipped<>(out, norm, out.norm(), theta / norm, true);
    }

    /** {@link #byGlobalNorm(Gradients, double)} with what it did: the rule on the gradients' Params, dh_0 scaled alike. */
    public static Clipped<Gradients> byGlobalNormReport(Gradients g, double theta) {
        Check.notNull("g", g, "Gradients");
        if (!Double.isFinite(g.norm())) {
            g.asParams().names().forEach(name -> checkGradient("d" + name, g.asParams().get(name)));   // named as Gradients names them
        }
        Clipped<Params> r = byGlobalNormReport(g.asParams(), theta);
        Gradients out = r.changed() ? g.scaled(r.scale()) : g;
        return new Clipped<>(out, r.normBefore(), r.normAfter(), r.scale(), r.changed());
    }

    /**
     * The global norm of several tensors, sqrt(Σ_i ‖g_i‖²), e.g. {[3, 4], [12]} → 13.
     */
    public static double globalNorm(double[]... tensors) {
        Check.notNull("tensors", tensors, "an array of tensors");
        double[][][] rows = new double[tensors.length][][];
        for (int i = 0; i < tensors.length; i++) {
            rows[i] = new double[][] {Check.notNull("tensors[" + i + "]", tensors[i], "a tensor")};
        }
        return Matrices.globalNorm(rows);
    }

    /**
     * TensorFlow's {@code clip_by_global_norm}: every tensor times θ / max(‖G‖, θ); when ‖G‖ is
     * NaN or infinite, every entry becomes NaN. Returns the clipped tensors (new arrays).
     */
    public static double[][] tensorFlowGlobalNorm(double theta, double[]... tensors) {
        Check.nonNegative("theta", theta);
        double norm = globalNorm(tensors);
        double scale = Double.isFinite(norm) ? theta / Math.max(norm, theta) : Double.NaN;
        return scaledCopies(scale, tensors);
    }

    /**
     * PyTorch's {@code clip_grad_norm_}: every tensor times min(1, θ / (‖G‖ + 1e-6)), so it scales
     * very slightly even at ‖G‖ = θ. Returns the clipped tensors (new arrays).
     */
    public static double[][] pyTorchGlobalNorm(double theta, double[]... tensors) {
        Check.nonNegative("theta", theta);
        double scale = Math.min(1.0, theta / (globalNorm(tensors) + 1e-6));
        return scaledCopies(scale, tensors);
    }

    private static double[][] scaledCopies(double scale, double[][] tensors) {
        double[][] out = new double[tensors.length][];
        for (int i = 0; i < tensors.length; i++) {
            out[i] = tensors[i].clone();
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] *= scale;
            }
        }
        return out;
    }

    private static void checkGradient(String name, double[][] g) {
        if (g == null || g.length == 0) {
            throw new IllegalArgumentException(name + ": expected a non-empty gradient array, got " + (g == null ? "null" : "0 rows"));
        }
        for (int i = 0; i < g.length; i++) {
            if (g[i] == null) {
                throw new IllegalArgumentException(name + "[" + i + "]: expected a row of numbers, got null");
            }
            for (int j = 0; j < g[i].length; j++) {
                if (!Double.isFinite(g[i][j])) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + j + "]: expected a finite gradient, got "
                            + g[i][j] + " (clipping cannot repair NaN or infinite gradients: lower the learning rate"
                            + " or clip before the values overflow)");
                }
            }
        }
    }
}
