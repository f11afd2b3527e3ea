package io.github.rnnkit.gated;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatedCellsTest {

    static final double[][] XS = inputs(6, 3, 1);
    static final int[] TARGETS = {0, 1, 2, 1, 0, 2};

    static double[][] inputs(int steps, int d, long seed) {
        Random rng = new Random(seed);
        double[][] xs = new double[steps][d];
        for (double[] x : xs) {
            for (int j = 0; j < d; j++) {
                x[j] = rng.nextGaussian();
            }
        }
        return xs;
    }

    /**
     * The worst CS231n relative error between analytic gradients and fourth-order centred differences
     * (L(θ−2h) − 8L(θ−h) + 8L(θ+h) − L(θ+2h)) / 12h, over every entry: their O(h⁴) error leaves room
     * to resolve entries of 1e-6 next to a loss of 6.
     */
    static double worstRelativeError(Params p, Function<Params, Result> loss) {
        Params analytic = loss.apply(p).gradients();
        double h = 1e-3;
        double worst = 0;
        for (String name : p.names()) {
            double[][] value = p.get(name);
            for (int i = 0; i < value.length; i++) {
                for (int j = 0; j < value[i].length; j++) {
                    double numeric = (shifted(p, loss, name, i, j, -2 * h) - 8 * shifted(p, loss, name, i, j, -h)
                            + 8 * shifted(p, loss, name, i, j, h) - shifted(p, loss, name, i, j, 2 * h)) / (12 * h);
                    double a = analytic.get(name)[i][j];
                    worst = Math.max(worst, Math.abs(a - numeric) / Math.max(1e-8, Math.abs(a) + Math.abs(numeric)));
                }
            }
        }
        return worst;
    }

    static double shifted(Params p, Function<Params, Result> loss, String name, int i, int j, double by) {
        double[][] m = p.get(name);
        m[i][j] += by;
        return loss.apply(p.with(name, m)).loss();
    }

    @Test
    void lstmBpttMatchesFiniteDifferencesForTheCrossEntropy() {
        double err = worstRelativeError(Lstm.init(4, 3, 3, 1.0, 2), q -> new Lstm(q).crossEntropy(XS, TARGETS));
        assertTrue(err < 1e-7, "relative error " + err);
    }

    @Test
    void lstmBpttMatchesFiniteDifferencesForTheLastStepError() {
        double err = worstRelativeError(Lstm.init(4, 3, 1, 0.0, 3), q -> new Lstm(q).lastStepSquaredError(XS, new double[] {0.4}));
        assertTrue(err < 1e-7, "relative error " + err);
    }

    @Test
    void gruBpttMatchesFiniteDifferencesForTheCrossEntropy() {
        double err = worstRelativeError(Gru.init(4, 3, 3, 4), q -> new Gru(q).crossEntropy(XS, TARGETS));
        assertTrue(err < 1e-7, "relative error " + err);
    }

    @Test
    void gruBpttMatchesFiniteDifferencesForTheLastStepError() {
        double err = worstRelativeError(Gru.init(4, 3, 1, 5), q -> new Gru(q).lastStepSquaredError(XS, new double[] {-0.3}));
        assertTrue(err < 1e-7, "relative error " + err);
    }

    @Test
    void theForgetBiasIsSetAndOpensTheForgetGate() {
        Params p = Lstm.init(5, 3, 1, 3.0, 1);
        for (double b : p.get("bf")[0]) {
            assertEquals(3.0, b);
        }
        Trace tr = new Lstm(p).forward(XS);
        double mean = 0;
        for (double[] f : tr.gate(1)) {
            for (double v : f) {
                mean += v / (f.length * tr.length());
            }
        }
        assertTrue(mean > 0.9, "mean forget gate " + mean);
    }

    @Test
    void theForgetProductsMultiplyTheForgetGatesFromTheEnd() {
        Trace tr = new Lstm(Lstm.init(2, 3, 1, 1.0, 1)).forward(XS);
        double[][] products = Lstm.forgetProducts(tr);
        double[][] f = tr.gate(1);
        assertEquals(1.0, products[6][0]);
        assertEquals(f[5][1] * f[4][1], products[4][1], 1e-15);
    }

    @Test
    void badInputIsRejectedByName() {
        Lstm lstm = new Lstm(Lstm.init(2, 3, 2, 1.0, 1));
        assertEquals("xs: expected a 2×3 matrix, got row 0 of length 2",
                assertThrows(IllegalArgumentException.class, () -> lstm.forward(new double[][] {{1, 2}, {3, 4}})).getMessage());
        assertEquals("targets[1]: expected a class index in [0, 1], got 5",
                assertThrows(IllegalArgumentException.class, () -> lstm.crossEntropy(XS, new int[] {0, 5, 0, 0, 0, 0})).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Gru(Lstm.init(2, 3, 2, 1.0, 1)));
        assertEquals("forgetBias: expected a finite number, got NaN",
                assertThrows(IllegalArgumentException.class, () -> Lstm.init(2, 3, 2, Double.NaN, 1)).getMessage());
    }
}
