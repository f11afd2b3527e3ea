package io.github.rnnkit.activation;

import io.github.rnnkit.util.Check;

import java.util.function.DoubleUnaryOperator;

/**
 * The activations the lessons compare, each with its exact derivative and γ = sup |f'|:
 *
 * <pre>
 *   sigmoid     σ(z) = 1 / (1 + e^{-z})          σ'(z) = σ(z)(1 - σ(z))      γ = 1/4
 *   tanh        tanh(z) = 2σ(2z) - 1              tanh'(z) = 1 - tanh²(z)     γ = 1
 *   ReLU        max(0, z)                         1 if z > 0 else 0           γ = 1
 *   leaky ReLU  z if z > 0 else αz                1 if z > 0 else α           γ = max(1, |α|)
 *   ELU         z if z > 0 else α(e^z - 1)        1 if z > 0 else αe^z        γ = max(1, α)
 *   hard tanh   clamp(z, -1, 1)                   1 if |z| < 1 else 0         γ = 1
 *   identity    z                                 1                           γ = 1
 * </pre>
 *
 * The sigmoid and both derivatives of the saturating curves are evaluated through e^{-|z|}, so
 * nothing overflows: σ(±800) is 1 and 0 exactly, and σ'(z) stays positive until e^{-|z|}
 * itself underflows (|z| > 745), where the textbook σ(1 - σ) is already 0 from z ≈ 36.7.
 */
public final class Activations {

    public static final Activation SIGMOID =
            new Standard("sigmoid", Activations::sigmoid, Activations::sigmoidDerivative, 0.25);
    public static final Activation TANH =
            new Standard("tanh", Math::tanh, z -> 4 * sigmoidDerivative(2 * z), 1);
    public static final Activation RELU =
            new Standard("relu", z -> z > 0 ? z : 0, z -> z > 0 ? 1 : 0, 1);
    public static final Activation IDENTITY =
            new Standard("identity", z -> z, z -> 1, 1);
    public static final Activation HARD_TANH =
            new Standard("hard-tanh", z -> Math.max(-1, Math.min(1, z)), z -> Math.abs(z) < 1 ? 1 : 0, 1);

    private Activations() {
    }

    /** Leaky ReLU with slope {@code alpha} for z ≤ 0 (Maas et al. use 0.01). */
    public static Activation leakyRelu(double alpha) {
        Check.finite("alpha", alpha);
        return new Standard("leaky-relu(" + alpha + ")",
                z -> z > 0 ? z : alpha * z, z -> z > 0 ? 1 : alpha, Math.max(1, Math.abs(alpha)));
    }

    /** ELU with saturation value -{@code alpha} for z → -∞ (Clevert et al. use 1). */
    public static Activation elu(double alpha) {
        Check.nonNegative("alpha", alpha);
        return new Standard("elu(" + alpha + ")",
                z -> z > 0 ? z : alpha * Math.expm1(z), z -> z > 0 ? 1 : alpha * Math.exp(z), Math.max(1, alpha));
    }

    private static double sigmoid(double z) {
        double e = Math.exp(-Math.abs(z));
        return z >= 0 ? 1 / (1 + e) : e / (1 + e);
    }

    /** e^{-|z|} / (1 + e^{-|z|})², which equals σ(z)(1 - σ(z)) and is symmetric in z. */
    private static double sigmoidDerivative(double z) {
        double e = Math.exp(-Math.abs(z));
        return e / ((1 + e) * (1 + e));
    }

    private record Standard(String name, DoubleUnaryOperator f, DoubleUnaryOperator df, double maxDerivative)
            implements Activation {

        @Override
        public double apply(double z) {
            return f.applyAsDouble(z);
        }

        @Override
        public double derivative(double z) {
            return df.applyAsDouble(z);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
