package io.github.rnnkit.rnn;

import io.github.rnnkit.activation.Activation;
import io.github.rnnkit.activation.Activations;
import io.github.rnnkit.testing.BadInput;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LagContributionsTest {

    private static final int H = 3;
    private static final int D = 2;
    private static final int K = 3;
    private static final int T = 7;

    private static double[][] inputs(long seed) {
        Random rng = new Random(seed);
        double[][] xs = new double[T][D];
        for (double[] x : xs) {
            for (int j = 0; j < D; j++) {
                x[j] = rng.nextGaussian();
            }
        }
        return xs;
    }

    private static final int[] YS = {0, 2, 1, 1, 0, 2, 2};

    /**
     * The oracle: C_ℓ written as the double sum over the losses, each carried back through ℓ explicit
     * Jacobians, C_ℓ = Σ_t (f'(z_{t−ℓ}) ⊙ (J_t ⋯ J_{t−ℓ+1})ᵀ Vᵀ(p_t − onehot(y_t))) h_{t−ℓ−1}ᵀ,
     * with its own loops (no BPTT, no Matrices).
     */
    private static double[][] byPaths(RnnParams p, Activation f, Forward fwd, int lag) {
        double[][] w = p.W();
        double[][] v = p.V();
        double[][] c = new double[H][H];
        for (int t = lag + 1; t <= T; t++) {
            double[] dOut = fwd.probs()[t - 1].clone();
            dOut[YS[t - 1]] -= 1;
            double[] back = new double[H];
            for (int i = 0; i < H; i++) {
                for (int o = 0; o < K; o++) {
                    back[i] += v[o][i] * dOut[o];
                }
            }
            for (int s = t; s > t - lag; s--) {          // back ← J_sᵀ back = Wᵀ (f'(z_s) ⊙ back)
                double[] scaled = new double[H];
                for (int i = 0; i < H; i++) {
                    scaled[i] = f.derivative(fwd.zs()[s - 1][i]) * back[i];
                }
                double[] next = new double[H];
                for (int j = 0; j < H; j++) {
                    for (int i = 0; i < H; i++) {
                        next[j] += w[i][j] * scaled[i];
                    }
                }
                back = next;
            }
            int s = t - lag;
            double[] hPrev = s == 1 ? fwd.h0() : fwd.hs()[s - 2];
            for (int i = 0; i < H; i++) {
                double delta = f.derivative(fwd.zs()[s - 1][i]) * back[i];
                for (int j = 0; j < H; j++) {
                    c[i][j] += delta * hPrev[j];
                }
            }
        }
        return c;
    }

    private static double frobenius(double[][] a) {
        double sum = 0;
        for (double[] row : a) {
            for (double x : row) {
                sum += x * x;
            }
        }
        return Math.sqrt(sum);
    }

    private static void assertClose(double[][] expected, double[][] actual, double tolerance, String what) {
        double scale = Math.max(frobenius(expected), 1e-300);
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                assertEquals(expected[i][j], actual[i][j], tolerance * scale, what + " [" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void eachLagIsTheSumOfThePathsThatCrossThatManyJacobians() {
        RnnParams p = Init.withLargestSingularValue(Init.uniform(H, D, K, 4), 1.5);
        for (Activation f : new Activation[] {Activations.TANH, Activations.SIGMOID}) {
            Rnn rnn = new Rnn(p, f);
            Forward fwd = rnn.forward(inputs(1), new double[] {0.3, -0.2, 0.5});
            LagContributions lags = LagContributions.of(rnn, fwd, YS);
            assertEquals(T, lags.steps());
            double[] norms = lags.norms();
            assertEquals(T, norms.length);
            for (int lag = 0; lag < T; lag++) {
                double[][] expected = byPaths(p, f, fwd, lag);
                assertClose(expected, lags.contribution(lag), 1e-10, f.name() + ", lag " + lag);
                assertEquals(frobenius(expected), norms[lag], 1e-10 * frobenius(expected), f.name() + ", ‖C_" + lag + "‖");
            }
        }
    }

    @Test
    void whatAWindowDropsIsTheSumOfTheLagsItDoesNotReach() {
        Rnn rnn = new Rnn(Init.uniform(H, D, K, 9), Activations.TANH);
        Forward fwd = rnn.forward(inputs(2), null);
        LagContributions lags = LagContributions.of(rnn, fwd, YS);
        double scale = frobenius(lags.windowed(T));    // rounding is relative to the whole gradient
        for (int k = 0; k <= T; k++) {
            double[][] rest = new double[H][H];
            for (int lag = k; lag < T; lag++) {
                double[][] c = byPaths(rnn.params(), Activations.TANH, fwd, lag);
                for (int i = 0; i < H; i++) {
                    for (int j = 0; j < H; j++) {
                        rest[i][j] += c[i][j];
                    }
                }
            }
            assertEquals(frobenius(rest), lags.dropped(k), 1e-10 * scale, "window " + k);
        }
        assertEquals(0, lags.dropped(T), "the window of T drops nothing");
        assertEquals(0, lags.dropped(T + 5), "nor does a longer one");
    }

    @Test
    void aWindowOfZeroHoldsNothingAndAWindowOfTHoldsEveryLag() {
        Rnn rnn = new Rnn(Init.uniform(H, D, K, 5), Activations.TANH);
        Forward fwd = rnn.forward(inputs(3), null);
        LagContributions lags = LagContributions.of(rnn, fwd, YS);
        for (double[] row : lags.windowed(0)) {
            for (double x : row) {
                assertEquals(0, x);
            }
        }
        double[][] all = new double[H][H];
        for (int lag = 0; lag < T; lag++) {
            double[][] c = byPaths(rnn.params(), Activations.TANH, fwd, lag);
            for (int i = 0; i < H; i++) {
                for (int j = 0; j < H; j++) {
                    all[i][j] += c[i][j];
                }
            }
        }
        assertClose(all, lags.windowed(T), 1e-10, "dW(T)");
        assertClose(all, lags.windowed(3 * T), 1e-10, "dW(3T)");
    }

    @Test
    void theMatricesHandedOutAreCopies() {
        Rnn rnn = new Rnn(Init.uniform(H, D, K, 5), Activations.TANH);
        LagContributions lags = LagContributions.of(rnn, rnn.forward(inputs(3), null), YS);
        double before = lags.norms()[2];
        lags.windowed(3)[0][0] += 100;
        lags.contribution(2)[0][0] += 100;
        assertEquals(before, lags.norms()[2]);
        assertTrue(before > 0);
    }

    @TestFactory
    Stream<DynamicTest> badInputIsNamed() {
        Rnn rnn = new Rnn(Init.uniform(H, D, K, 5), Activations.TANH);
        Forward fwd = rnn.forward(inputs(3), null);
        LagContributions lags = LagContributions.of(rnn, fwd, YS);
        Forward other = new Rnn(Init.uniform(H + 1, D, K, 5), Activations.TANH).forward(inputs(3), null);
        return BadInput.table()
                .row("LagContributions.of", "a null network", "rnn", () -> LagContributions.of(null, fwd, YS), "null")
                .row("LagContributions.of", "a null forward pass", "fwd", () -> LagContributions.of(rnn, null, YS), "null")
                .row("LagContributions.of", "a forward pass of another network", "fwd", () -> LagContributions.of(rnn, other, YS))
                .row("LagContributions.of", "too few targets", "targets", () -> LagContributions.of(rnn, fwd, new int[] {0, 1}))
                .row("LagContributions.contribution", "a lag of T", "lag", () -> lags.contribution(T), "[0, 6]", "7")
                .row("LagContributions.contribution", "a negative lag", "lag", () -> lags.contribution(-1), "-1")
                .row("LagContributions.windowed", "a negative window", "k", () -> lags.windowed(-1), "-1")
                .row("LagContributions.dropped", "a negative window", "k", () -> lags.dropped(-2), "-2")
                .tests();
    }
}
