package io.github.rnnkit.rnn;

import io.github.rnnkit.activation.Activation;
import io.github.rnnkit.activation.Activations;
import io.github.rnnkit.util.Matrices;
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
        return Matrices.gaussian(new Random(seed), T, D, 1);
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
        assertEquals(java.util.List.of("U", "W", "b", "V", "c", "h0"), java.util.List.copyOf(check.relativeErrors().keySet()));
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
    void aGradientCheckFindsAWrongGradient() {
        RnnParams p = Init.uniform(H, D, K, 7);
        Rnn rnn = new Rnn(p, Activations.TANH);
        Params right = rnn.bptt(rnn.forward(inputs(3), null), TARGETS).toParams();
        double[][] w = right.get("W");
        w[1][2] *= 1.001;
        GradientCheck check = GradientCheck.of(p.toParams(), right.with("W", w),
                q -> new Rnn(RnnParams.fromParams(q), Activations.TANH).forward(inputs(3), null).loss(TARGETS));
        assertTrue(check.relativeErrors().get("W") > 1e-5, check.toString());
        assertTrue(check.relativeErrors().get("U") < 1e-7, check.toString());
    }

    @Test
    void aWindowOfAtLeastTGivesTheReferencesOnePassBptt() {
        RnnParams p = Init.uniform(H, D, K, 2);
        Rnn rnn = new Rnn(p, Activations.TANH);
        Forward fwd = rnn.forward(inputs(1), h0());
        Gradients onePass = ReferenceBptt.crossEntropy(p, Activations.TANH, inputs(1), h0(), TARGETS);
        for (int k : new int[] {T, T + 5}) {
            ReferenceBpttTest.assertSameGradients(onePass, rnn.bptt(fwd, TARGETS, k), "fast path, k = " + k);
            ReferenceBpttTest.assertSameGradients(onePass, ReferenceBptt.crossEntropy(p, Activations.TANH, inputs(1), h0(), TARGETS, k),
                    "reference per loss term, k = " + k);
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
        for (int t = 1; t <= T; t++) {
            double[] dOut = fwd.p(t);
            dOut[TARGETS[t - 1]] -= 1;
            double[] prev = fwd.h(t - 1);
            double[] z = fwd.z(t);
            for (int i = 0; i < H; i++) {
                double dh = 0;
                for (int k = 0; k < K; k++) {
                    dh += v[k][i] * dOut[k];
                }
                double delta = dh * Activations.TANH.derivative(z[i]);
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

    @Test
    void theCrossEntropyIsMinusTheLogOfTheSoftmax() {
        double[] o = {0.3, -1.2, 2.5};
        assertEquals(-Math.log(Softmax.of(o)[2]), Softmax.crossEntropy(o, 2), 1e-15);
    }

    @Test
    void theOnePassLossAndGradientEqualTheSeparateOnes() {
        double[][] logits = Matrices.gaussian(new Random(4), T, K, 3);
        for (Loss loss : new Loss[] {Loss.crossEntropy(TARGETS), Loss.lastStepSquaredError(new double[] {0.5, -1, 2})}) {
            Loss.ValueAndGradient both = loss.valueAndGradient(logits);
            assertEquals(loss.value(logits), both.value());
            assertArrayEquals(loss.gradient(logits), both.gradient());
        }
    }

    @Test
    void eachLossGradientIsTheFiniteDifferenceOfItsValue() {
        double[][] logits = Matrices.gaussian(new Random(6), T, K, 2);
        for (Loss loss : new Loss[] {Loss.crossEntropy(TARGETS), Loss.lastStepSquaredError(new double[] {0.5, -1, 2})}) {
            double[][] g = loss.gradient(logits);
            for (int t = 0; t < T; t++) {
                for (int k = 0; k < K; k++) {
                    double[][] up = Matrices.scale(1, logits);
                    double[][] down = Matrices.scale(1, logits);
                    up[t][k] += 1e-6;
                    down[t][k] -= 1e-6;
                    double numeric = (loss.value(up) - loss.value(down)) / 2e-6;
                    assertTrue(Matrices.relativeError(g[t][k], numeric) < 1e-7, loss + " at (" + t + ", " + k + ")");
                }
            }
        }
    }

    @Test
    void theStepAccessorsReadTheMathsNumbering() {
        Forward fwd = new Rnn(Init.uniform(H, D, K, 2), Activations.TANH).forward(inputs(1), h0());
        assertArrayEquals(h0(), fwd.h(0));
        assertArrayEquals(fwd.hs()[T - 1], fwd.h(T));
        assertArrayEquals(fwd.zs()[0], fwd.z(1));
        assertArrayEquals(fwd.logits()[2], fwd.o(3));
        assertArrayEquals(fwd.probs()[T - 1], fwd.p(T));
        assertArrayEquals(inputs(1)[4], fwd.x(5));
    }
}
