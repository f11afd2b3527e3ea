package io.github.rnnkit.rnn;

import io.github.rnnkit.activation.Activations;
import io.github.rnnkit.util.Matrices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TruncatedBpttTest {

    static final int H = 4, D = 3, K = 3, T = 11;
    static final Rnn RNN = new Rnn(Init.withLargestSingularValue(Init.uniform(H, D, K, 6), 1.4), Activations.TANH);
    static final double[][] XS = Matrices.gaussian(new Random(2), T, D, 1);
    static final double[] H0 = {0.3, -0.2, 0.1, 0.4};
    static final int[] YS = {0, 2, 1, 1, 0, 2, 2, 1, 0, 0, 1};
    static final Forward FWD = RNN.forward(XS, H0);

    static void assertSame(Gradients expected, Gradients actual, String what) {
        double[][][] e = expected.parameterArrays();
        double[][][] a = actual.parameterArrays();
        for (int n = 0; n < e.length; n++) {
            for (int i = 0; i < e[n].length; i++) {
                for (int j = 0; j < e[n][i].length; j++) {
                    assertEquals(e[n][i][j], a[n][i][j], 1e-12, what + ", parameter " + n + " [" + i + "][" + j + "]");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 10})
    void tbptt1kIsTheLibrarysWindowOfK(int k) {
        TruncatedBptt.Result r = TruncatedBptt.window(k).run(RNN, FWD, YS);
        assertSame(RNN.bptt(FWD, YS, k), r.gradients(), "window " + k);
        int steps = 0;
        for (int t = 1; t <= T; t++) {
            steps += Math.min(k, t);
        }
        assertEquals(steps, r.backwardSteps());
    }

    @Test
    void oneBlockOfTheWholeSequenceIsFullBptt() {
        TruncatedBptt.Result r = TruncatedBptt.of(T, T).run(RNN, FWD, YS);
        Gradients full = RNN.bptt(FWD, YS);
        assertSame(full, r.gradients(), "TBPTT(T, T)");
        for (int i = 0; i < H; i++) {
            assertEquals(full.dh0()[i], r.gradients().dh0()[i], 1e-12);
        }
        assertEquals(T, r.backwardSteps());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 5})
    void chunksAreSeparateForwardAndBackwardPassesWithTheStateCarriedAsAConstant(int k) {
        double[][] dW = new double[H][H];
        double[][] dU = new double[H][D];
        double[] h = H0;
        for (int from = 0; from < T; from += k) {
            int to = Math.min(T, from + k);
            Forward chunk = RNN.forward(Arrays.copyOfRange(XS, from, to), h);
            Gradients g = RNN.bptt(chunk, Arrays.copyOfRange(YS, from, to));
            for (int i = 0; i < H; i++) {
                for (int j = 0; j < H; j++) {
                    dW[i][j] += g.dW()[i][j];
                }
                for (int j = 0; j < D; j++) {
                    dU[i][j] += g.dU()[i][j];
                }
            }
            h = chunk.hs()[to - from - 1];
        }
        TruncatedBptt.Result r = TruncatedBptt.chunks(k).run(RNN, FWD, YS);
        assertEquals(0, Matrices.frobenius(minus(dW, r.gradients().dW())), 1e-12);
        assertEquals(0, Matrices.frobenius(minus(dU, r.gradients().dU())), 1e-12);
        assertEquals(T, r.backwardSteps());
    }

    @ParameterizedTest
    @CsvSource({"2, 3", "3, 7", "4, 4", "2, 11", "5, 8"})
    void eachLossOfABlockGoesBackToTheBlocksLowestStep(int k1, int k2) {
        // one loss at a time, carried back by hand: L_s belongs to the block a … e with a = k1·⌊(s − 1)/k1⌋ + 1
        double[][] dW = new double[H][H];
        double[][] w = RNN.params().W();
        double[][] v = RNN.params().V();
        int steps = 0;
        for (int s = 1; s <= T; s++) {
            int first = k1 * ((s - 1) / k1) + 1;
            int lowest = Math.max(1, first - (k2 - k1));
            double[] dOut = FWD.p(s);
            dOut[YS[s - 1]] -= 1;
            double[] dh = Matrices.transposeTimes(v, dOut);
            for (int t = s; t >= lowest; t--) {
                double[] delta = new double[H];
                for (int i = 0; i < H; i++) {
                    delta[i] = (1 - Math.pow(Math.tanh(FWD.z(t)[i]), 2)) * dh[i];
                }
                Matrices.addOuterInto(dW, delta, FWD.h(t - 1));
                dh = Matrices.transposeTimes(w, delta);
            }
        }
        for (int first = 1; first <= T; first += k1) {
            steps += Math.min(T, first + k1 - 1) - Math.max(1, first - (k2 - k1)) + 1;
        }
        TruncatedBptt.Result r = TruncatedBptt.of(k1, k2).run(RNN, FWD, YS);
        assertEquals(0, Matrices.frobenius(minus(dW, r.gradients().dW())), 1e-12);
        assertEquals(steps, r.backwardSteps());
    }

    @Test
    void truncationNeverChangesTheOutputGradients() {
        Gradients full = RNN.bptt(FWD, YS);
        Gradients chunks = TruncatedBptt.chunks(3).run(RNN, FWD, YS).gradients();
        assertEquals(0, Matrices.frobenius(minus(full.dV(), chunks.dV())), 1e-12);
        assertEquals(0, Matrices.norm(minusVector(full.dc(), chunks.dc())), 1e-12);
    }

    static double[][] minus(double[][] a, double[][] b) {
        double[][] out = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[i][j] = a[i][j] - b[i][j];
            }
        }
        return out;
    }

    static double[] minusVector(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - b[i];
        }
        return out;
    }
}
