package io.github.rnnkit.rnn;

import io.github.rnnkit.util.Check;
import io.github.rnnkit.util.Matrices;

import java.util.Random;

/**
 * Initial parameters for an RNN with H hidden units, D inputs and K outputs. Every random
 * initialiser takes a seed: the same seed gives the same numbers, always.
 *
 * <ul>
 *   <li>{@link #uniform}: every weight and bias from U(−1/√H, 1/√H), as torch.nn.RNN (the default);</li>
 *   <li>{@link #normal}: weights from N(0, σ²), biases 0 (min-char-rnn uses σ = 0.01);</li>
 *   <li>{@link #identity}: W = s·I, biases 0, U and V from N(0, 0.001²) (Le, Jaitly and Hinton's IRNN);</li>
 *   <li>{@link #orthogonal}: W a random orthogonal matrix (WᵀW = I, so λ1 = ρ = 1), the rest as {@link #uniform};</li>
 *   <li>{@link #withSpectralRadius} and {@link #withLargestSingularValue}: W rescaled to a chosen ρ(W) or λ1(W).</li>
 * </ul>
 */
public final class Init {

    private Init() {
    }

    /** Every weight and bias from U(−1/√H, 1/√H). */
    public static RnnParams uniform(int hidden, int input, int output, long seed) {
        checkSizes(hidden, input, output);
        Random rng = new Random(seed);
        double a = 1 / Math.sqrt(hidden);
        return RnnParams.of(Matrices.uniform(rng, hidden, input, a), Matrices.uniform(rng, hidden, hidden, a),
                Matrices.uniform(rng, 1, hidden, a)[0], Matrices.uniform(rng, output, hidden, a),
                Matrices.uniform(rng, 1, output, a)[0]);
    }

    /** Weights from N(0, σ²), biases zero. */
    public static RnnParams normal(int hidden, int input, int output, double sigma, long seed) {
        checkSizes(hidden, input, output);
        Check.nonNegative("sigma", sigma);
        Random rng = new Random(seed);
        return RnnParams.of(Matrices.gaussian(rng, hidden, input, sigma), Matrices.gaussian(rng, hidden, hidden, sigma),
                new double[hidden], Matrices.gaussian(rng, output, hidden, sigma), new double[output]);
    }

    /** W = s·I, biases zero, U and V from N(0, 0.001²): the IRNN of Le, Jaitly and Hinton (2015). */
    public static RnnParams identity(int hidden, int input, int output, double scale, long seed) {
        checkSizes(hidden, input, output);
        Check.finite("scale", scale);
        Random rng = new Random(seed);
        return RnnParams.of(Matrices.gaussian(rng, hidden, input, 0.001), Matrices.identity(hidden, scale),
                new double[hidden], Matrices.gaussian(rng, output, hidden, 0.001), new double[output]);
    }

    /**
     * W a random orthogonal matrix, the Gram–Schmidt orthonormalisation of the columns of a Gaussian
     * matrix (so WᵀW = I and every singular value is 1); U, b, V, c from U(−1/√H, 1/√H) as in {@link #uniform}.
     */
    public static RnnParams orthogonal(int hidden, int input, int output, long seed) {
        RnnParams params = uniform(hidden, input, output, seed);
        double[][] q = Matrices.gaussian(new Random(seed ^ 0x5DEECE66DL), hidden, hidden, 1);
        for (int j = 0; j < hidden; j++) {
            for (int k = 0; k < j; k++) {
                double dot = 0;
                for (int i = 0; i < hidden; i++) {
                    dot += q[i][j] * q[i][k];
                }
                for (int i = 0; i < hidden; i++) {
                    q[i][j] -= dot * q[i][k];
                }
            }
            double norm = 0;
            for (int i = 0; i < hidden; i++) {
                norm += q[i][j] * q[i][j];
            }
            for (int i = 0; i < hidden; i++) {
                q[i][j] /= Math.sqrt(norm);
            }
        }
        return RnnParams.of(params.U(), q, params.b(), params.V(), params.c());
    }

    /** The same parameters with W rescaled so that its spectral radius max|λ(W)| is {@code radius}. */
    public static RnnParams withSpectralRadius(RnnParams params, double radius) {
        Check.notNull("params", params, "RnnParams");
        Check.nonNegative("radius", radius);
        return withW(params, radius, Matrices.spectralRadius(params.W()), "spectral radius");
    }

    /** The same parameters with W rescaled so that its largest singular value λ1 = ‖W‖₂ is {@code lambda1}. */
    public static RnnParams withLargestSingularValue(RnnParams params, double lambda1) {
        Check.notNull("params", params, "RnnParams");
        Check.nonNegative("lambda1", lambda1);
        return withW(params, lambda1, Matrices.spectralNorm(params.W()), "largest singular value");
    }

    private static RnnParams withW(RnnParams params, double target, double current, String what) {
        if (current == 0) {
            throw new IllegalArgumentException("params: expected a W with a non-zero " + what + ", got W = 0");
        }
        return RnnParams.of(params.U(), Matrices.scale(target / current, params.W()), params.b(), params.V(), params.c());
    }

    private static void checkSizes(int hidden, int input, int output) {
        Check.atLeast("hidden", hidden, 1);
        Check.atLeast("input", input, 1);
        Check.atLeast("output", output, 1);
    }
}
