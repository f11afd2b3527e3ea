package io.github.rnnkit.rnn;

import io.github.rnnkit.activation.Activation;
import io.github.rnnkit.activation.Activations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BpttTest {

    static final int H = 5, D = 4, K = 3, T = 6;

    static double[][] inputs(long seed) {
        Random rng = new Random(seed);
        double[][] xs = new double[T][D];
        for (double[] x : xs) {
            for (int j = 0; j < D; j++) {
                x[j] = rng.nextGaussian();
            }
        }
        return xs;
    }

    static double[] h0() {
        return new double[] {0.3, -0.2, 0.5, 0.1, -0.4};
    }

    static final int[] TARGETS = {0, 2, 1, 1, 0, 2};

    static Activation activation(String name) {
        return switch (name) {
            case "sigmoid" -> Activations.SIGMOID;
            case "tanh" -> Activations.TANH;
            default -> Activations.RELU;
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"tanh", "sigmoid", "relu"})
    void fullBpttMatchesFiniteDifferencesOnEveryParameterAndOnH0(String name) {
        RnnParams p = Init.uniform(H, D, K, 7);
        GradientCheck check = GradientCheck.crossEntropy(p, activation(name), inputs(3), h0(), TARGETS);
        check.relativeErrors().forEach((param, err) ->
                assertTrue(err < 1e-7, name + " " + param + ": relative error " + err));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tanh", "sigmoid", "relu"})
    void theLastStepSquaredErrorMatchesFiniteDifferences(String name) {
        // λ1(W) = 2 keeps ∂L/∂h0 well above the finite differences' rounding noise, even for the sigmoid
        RnnParams p = Init.withLargestSingularValue(Init.uniform(H, D, 1, 11), 2.0);
        double[][] threeSteps = Arrays.copyOf(inputs(5), 3);
        GradientCheck check = GradientCheck.lastStepSquaredError(p, activation(name), threeSteps, h0(), new double[] {0.7});
        assertTrue(check.maxRelativeError() < 1e-7, check.toString());
    }

    @Test
    void aWindowOfAtLeastTIsExactlyFullBptt() {
        Rnn rnn = new Rnn(Init.uniform(H, D, K, 2), Activations.TANH);
        Forward fwd = rnn.forward(inputs(1), h0());
        Gradients full = rnn.bptt(fwd, TARGETS);
        for (int k : new int[] {T, T + 5}) {
            Gradients window = rnn.bptt(fwd, TARGETS, k);
            assertArrayEquals(full.dW(), window.dW());
            assertArrayEquals(full.dU(), window.dU());
            assertArrayEquals(full.db(), window.db());
            assertArrayEquals(full.dh0(), window.dh0());
        }
    }

    @Test
    void aWindowOfOneKeepsOnlyEachStepsOwnTerms() {
        RnnParams p = Init.uniform(H, D, K, 4);
        Rnn rnn = new Rnn(p, Activations.TANH);
        double[][] xs = inputs(9);
        Forward fwd = rnn.forward(xs, h0());
        Gradients one = rnn.bptt(fwd, TARGETS, 1);
        double[][] expected = new double[H][H];
        double[][] v = p.V();
        for (int t = 0; t < T; t++) {
            double[] dOut = fwd.probs()[t];
            dOut[TARGETS[t]] -= 1;
            double[] prev = t == 0 ? h0() : fwd.hs()[t - 1];
            for (int i = 0; i < H; i++) {
                double dh = 0;
                for (int k = 0; k < K; k++) {
                    dh += v[k][i] * dOut[k];
                }
                double delta = dh * Activations.TANH.derivative(fwd.zs()[t][i]);
                for (int j = 0; j < H; j++) {
                    expected[i][j] += delta * prev[j];
                }
            }
        }
        double[][] got = one.dW();
        for (int i = 0; i < H; i++) {
            assertArrayEquals(expected[i], got[i], 1e-14);
        }
    }

    @Test
    void truncationLeavesTheOutputGradientsAlone() {
        Rnn rnn = new Rnn(Init.uniform(H, D, K, 2), Activations.TANH);
        Forward fwd = rnn.forward(inputs(1), null);
        assertArrayEquals(rnn.bptt(fwd, TARGETS).dV(), rnn.bptt(fwd, TARGETS, 2).dV());
    }

    @Test
    void theLossIsFiniteForLogitsOfAThousand() {
        double[][] v = {{1000}, {-1000}};
        RnnParams p = RnnParams.of(new double[][] {{1}}, new double[][] {{0}}, new double[] {0}, v, new double[] {0, 0});
        Forward fwd = new Rnn(p, Activations.IDENTITY).forward(new double[][] {{1}}, null);
        assertEquals(2000, fwd.loss(new int[] {1}), 1e-9);
        assertEquals(0, fwd.loss(new int[] {0}), 1e-12);
    }

    @Test
    void uniformScoresGiveTTimesLnK() {
        RnnParams p = RnnParams.of(new double[H][D], new double[H][H], new double[H], new double[K][H], new double[K]);
        Forward fwd = new Rnn(p, Activations.TANH).forward(inputs(1), null);
        assertEquals(T * Math.log(K), fwd.loss(TARGETS), 1e-12);
    }

    @Test
    void softmaxOfANaNLogitIsNaNSoABlownUpNetworkGetsANaNLossInsteadOfAnError() {
        assertTrue(Double.isNaN(Softmax.of(new double[] {0, Double.NaN})[0]));
        assertTrue(Double.isNaN(Softmax.logSumExp(new double[] {Double.POSITIVE_INFINITY, 0})));
    }
}
