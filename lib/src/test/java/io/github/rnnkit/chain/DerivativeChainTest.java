package io.github.rnnkit.chain;

import io.github.rnnkit.activation.Activation;
import io.github.rnnkit.activation.Activations;
import io.github.rnnkit.util.Matrices;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DerivativeChainTest {

    static final double[] W = {0.8, -1.3, 2.1, 0.6};
    static final double[] B = {0.1, -0.4, 0.2, 0.3};

    /** C = a_n, so ∂C/∂a_n = 1; each ∂C/∂b_j by a centred difference in b_j. */
    static double numericBiasGradient(Activation f, int j) {
        double h = 1e-6;
        double[] plus = B.clone();
        double[] minus = B.clone();
        plus[j] += h;
        minus[j] -= h;
        return (DerivativeChain.of(f, W, plus, 0.5).output() - DerivativeChain.of(f, W, minus, 0.5).output()) / (2 * h);
    }

    @Test
    void biasGradientsMatchFiniteDifferencesForEveryActivation() {
        for (Activation f : new Activation[] {Activations.SIGMOID, Activations.TANH, Activations.elu(1), Activations.IDENTITY}) {
            double[] grads = DerivativeChain.of(f, W, B, 0.5).biasGradients(1);
            for (int j = 0; j < W.length; j++) {
                double numeric = numericBiasGradient(f, j);
                double rel = Matrices.relativeError(grads[j], numeric);
                assertTrue(rel < 1e-6, f.name() + " b" + (j + 1) + ": relative error " + rel);
            }
        }
    }

    @Test
    void theFirstBiasGradientIsTheProductOfTheSeedsFormula() {
        DerivativeChain chain = DerivativeChain.of(Activations.SIGMOID, W, B, 0.5);
        double[] z = chain.preActivations();
        double s = Activations.SIGMOID.derivative(z[0]);
        for (int j = 1; j < W.length; j++) {
            s *= W[j] * Activations.SIGMOID.derivative(z[j]);
        }
        assertEquals(s * 2.5, chain.biasGradients(2.5)[0], 1e-15);
    }

    @Test
    void withWeightsBelowOneEverySigmoidFactorIsBelowAQuarter() {
        DerivativeChain chain = DerivativeChain.of(Activations.SIGMOID, new double[] {0.9, -0.99, 0.5}, new double[3], 0.2);
        for (double factor : chain.factors()) {
            assertTrue(Math.abs(factor) < 0.25);
        }
    }

    @Test
    void runningProductsMultiplyTheFactorsFromTheOutputBack() {
        DerivativeChain chain = DerivativeChain.of(Activations.TANH, W, B, 0.5);
        double[] f = chain.factors();
        double[] p = chain.runningProducts();
        assertEquals(1, p[4]);
        assertEquals(f[3], p[3], 1e-15);
        assertEquals(f[0] * f[1] * f[2] * f[3], p[0], 1e-15);
    }

    @Test
    void theFormulaNamesEveryFactor() {
        DerivativeChain chain = DerivativeChain.of(Activations.SIGMOID, W, B, 0.5);
        assertEquals("∂C/∂b₁ = σ'(z₁)·w₂·σ'(z₂)·w₃·σ'(z₃)·w₄·σ'(z₄)·∂C/∂a₄", chain.formula());
        assertTrue(chain.formulaWithNumbers(1).startsWith("∂C/∂b₁ = "));
        assertEquals(4, chain.table(1).rowCount());
    }

    @Test
    void badInputIsRejectedByName() {
        IllegalArgumentException len = assertThrows(IllegalArgumentException.class,
                () -> DerivativeChain.of(Activations.SIGMOID, W, new double[2], 0));
        assertEquals("biases: expected a vector of length 4, got length 2", len.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> DerivativeChain.of(Activations.SIGMOID, new double[0], new double[0], 0));
        assertEquals("weights: expected at least one weight, got none", empty.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> DerivativeChain.of(Activations.SIGMOID, W, B, Double.NaN));
        assertEquals("input: expected a finite number, got NaN", nan.getMessage());
    }
}
