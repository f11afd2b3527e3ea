package io.github.rnnkit.rnn;

import io.github.rnnkit.activation.Activation;
import io.github.rnnkit.activation.Activations;
import io.github.rnnkit.core.Loss;
import io.github.rnnkit.core.Params;
import io.github.rnnkit.core.Softmax;
import io.github.rnnkit.util.Matrices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleSupplier;

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
        Params right = rnn.bptt(rnn.forward(inputs(3), null), TARGETS).asParams();
        double[][] w = right.get("W");
        w[1][2] *= 1.001;
        GradientCheck check = GradientCheck.of(p.asParams(), right.with("W", w),
                q -> new Rnn(RnnParams.of(q), Activations.TANH).forward(inputs(3), null).loss(TARGETS));
        assertTrue(check.relativeErrors().get("W") > 1e-5, check.toString());
        assertTrue(check.relativeErrors().get("U") < 1e-7, check.toString());
    }

    /** h_1..h_T of h_t = tanh(U x_t + W h_{t-1} + b), written out with loops and Math.tanh: no library code. */
    static double[][] tanhStatesByHand(double[][] u, double[][] w, double[] b, double[][] xs, double[] h0) {
        double[][] hs = new double[xs.length][];
        double[] h = h0;
        for (int t = 0; t < xs.length; t++) {
            double[] next = new double[h.length];
            for (int i = 0; i < h.length; i++) {
                double z = b[i];
                for (int j = 0; j < xs[t].length; j++) {
                    z += u[i][j] * xs[t][j];
                }
                for (int j = 0; j < h.length; j++) {
                    z += w[i][j] * h[j];
                }
                next[i] = Math.tanh(z);
            }
            hs[t] = next;
            h = next;
        }
        return hs;
    }

    /** L = Σ_t −log softmax(V h_t + c)[y_t] over those states, written out with Math.exp and Math.log. */
    static double tanhLossByHand(double[][] u, double[][] w, double[] b, double[][] v, double[] c,
                                 double[][] xs, double[] h0, int[] y) {
        double loss = 0;
        double[][] hs = tanhStatesByHand(u, w, b, xs, h0);
        for (int t = 0; t < xs.length; t++) {
            double[] o = c.clone();
            double sum = 0;
            for (int k = 0; k < o.length; k++) {
                for (int i = 0; i < hs[t].length; i++) {
                    o[k] += v[k][i] * hs[t][i];
                }
                sum += Math.exp(o[k]);
            }
            loss += Math.log(sum) - o[y[t]];
        }
        return loss;
    }

    /** ∂L/∂θ for every entry of {@code arrays}, which {@code loss} reads, by centred differences. */
    static double[][][] finiteDifferences(double[][][] arrays, DoubleSupplier loss) {
        double eps = 1e-5;
        double[][][] numeric = new double[arrays.length][][];
        for (int a = 0; a < arrays.length; a++) {
            numeric[a] = new double[arrays[a].length][arrays[a][0].length];
            for (int i = 0; i < arrays[a].length; i++) {
                for (int j = 0; j < arrays[a][i].length; j++) {
                    double keep = arrays[a][i][j];
                    arrays[a][i][j] = keep + eps;
                    double up = loss.getAsDouble();
                    arrays[a][i][j] = keep - eps;
                    double down = loss.getAsDouble();
                    arrays[a][i][j] = keep;
                    numeric[a][i][j] = (up - down) / (2 * eps);
                }
            }
        }
        return numeric;
    }

    /** Every entry of dU, dW, db, dV, dc and dh0 within 1e-8 of its finite difference (whose own error is near 1e-10). */
    static void assertGradients(double[][][] numeric, Gradients g, String where) {
        double[][][] analytic = {g.dU(), g.dW(), {g.db()}, g.dV(), {g.dc()}, {g.dh0()}};
        String[] names = {"dU", "dW", "db", "dV", "dc", "dh0"};
        for (int a = 0; a < names.length; a++) {
            for (int i = 0; i < numeric[a].length; i++) {
                assertArrayEquals(numeric[a][i], analytic[a][i], 1e-8, where + " " + names[a] + " row " + i);
            }
        }
    }

    @Test
    void theForwardPassIsItsEquationsWrittenOut() {
        RnnParams p = Init.uniform(H, D, K, 2);
        Forward fwd = new Rnn(p, Activations.TANH).forward(inputs(1), h0());
        double[][] hs = tanhStatesByHand(p.U(), p.W(), p.b(), inputs(1), h0());
        for (int t = 1; t <= T; t++) {
            assertArrayEquals(hs[t - 1], fwd.h(t), 1e-15, "h_" + t);
        }
        assertEquals(tanhLossByHand(p.U(), p.W(), p.b(), p.V(), p.c(), inputs(1), h0(), TARGETS), fwd.loss(TARGETS), 1e-13);
    }

    @Test
    void aWindowOfAtLeastTGivesTheFiniteDifferenceGradientOfTheWholeLoss() {
        RnnParams p = Init.uniform(H, D, K, 2);
        double[][] u = p.U(), w = p.W(), v = p.V(), xs = inputs(1);
        double[] b = p.b(), c = p.c(), h0 = h0();
        double[][][] numeric = finiteDifferences(new double[][][] {u, w, {b}, v, {c}, {h0}},
                () -> tanhLossByHand(u, w, b, v, c, xs, h0, TARGETS));
        Rnn rnn = new Rnn(p, Activations.TANH);
        Forward fwd = rnn.forward(xs, h0());
        for (int k : new int[] {T, T + 5}) {
            assertGradients(numeric, rnn.bptt(fwd, TARGETS, k), "fast path, k = " + k);
            assertGradients(numeric, ReferenceBptt.crossEntropy(p, Activations.TANH, xs, h0(), TARGETS, k),
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
    void theSoftmaxAndItsCrossEntropyAreTheirFormulasWrittenOut() {
        double[] o = {0.3, -1.2, 2.5};
        double sum = Math.exp(0.3) + Math.exp(-1.2) + Math.exp(2.5);
        assertArrayEquals(new double[] {Math.exp(0.3) / sum, Math.exp(-1.2) / sum, Math.exp(2.5) / sum}, Softmax.of(o), 1e-15);
        assertEquals(-Math.log(Math.exp(2.5) / sum), Softmax.crossEntropy(o, 2), 1e-15);
    }

    @Test
    void eachLossValueIsItsFormulaWrittenOut() {
        double[][] logits = Matrices.gaussian(new Random(4), T, K, 3);
        double crossEntropy = 0;
        for (int t = 0; t < T; t++) {
            double sum = 0;
            for (double o : logits[t]) {
                sum += Math.exp(o);
            }
            crossEntropy += Math.log(sum) - logits[t][TARGETS[t]];
        }
        double[] y = {0.5, -1, 2};
        double[] last = logits[T - 1];
        double squared = ((last[0] - y[0]) * (last[0] - y[0]) + (last[1] - y[1]) * (last[1] - y[1])
                + (last[2] - y[2]) * (last[2] - y[2])) / 2;
        assertEquals(crossEntropy, Loss.crossEntropy(TARGETS).value(logits), 1e-12);
        assertEquals(squared, Loss.lastStepSquaredError(y).value(logits), 1e-12);
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
