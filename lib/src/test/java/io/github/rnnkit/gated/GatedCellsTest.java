package io.github.rnnkit.gated;

import io.github.rnnkit.rnn.GradientCheck;
import io.github.rnnkit.core.Evaluation;
import io.github.rnnkit.core.Params;
import io.github.rnnkit.util.Matrices;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatedCellsTest {

    static final double[][] XS = Matrices.gaussian(new Random(1), 6, 3, 1);
    static final int[] TARGETS = {0, 1, 2, 1, 0, 2};

    /**
     * The fourth-order difference: gate gradients hold entries of 1e-6 beside a loss of 6, which
     * the centred difference cannot resolve from its rounding error.
     */
    static GradientCheck check(Params p, Function<Params, Evaluation<Trace>> loss) {
        return GradientCheck.fourthOrder(p, loss.apply(p).gradient(), q -> loss.apply(q).loss());
    }

    @Test
    void lstmBpttMatchesFiniteDifferencesForTheCrossEntropy() {
        GradientCheck c = check(Lstm.init(4, 3, 3, 1.0, 2), q -> new Lstm(q).crossEntropy(XS, TARGETS));
        assertTrue(c.maxRelativeError() < 1e-7, c.toString());
        assertEquals(14, c.relativeErrors().size());
    }

    @Test
    void lstmBpttMatchesFiniteDifferencesForTheLastStepError() {
        GradientCheck c = check(Lstm.init(4, 3, 1, 0.0, 3), q -> new Lstm(q).lastStepSquaredError(XS, new double[] {0.4}));
        assertTrue(c.maxRelativeError() < 1e-7, c.toString());
    }

    @Test
    void gruBpttMatchesFiniteDifferencesForTheCrossEntropy() {
        GradientCheck c = check(Gru.init(4, 3, 3, 4), q -> new Gru(q).crossEntropy(XS, TARGETS));
        assertTrue(c.maxRelativeError() < 1e-7, c.toString());
        assertEquals(11, c.relativeErrors().size());
    }

    @Test
    void gruBpttMatchesFiniteDifferencesForTheLastStepError() {
        GradientCheck c = check(Gru.init(4, 3, 1, 5), q -> new Gru(q).lastStepSquaredError(XS, new double[] {-0.3}));
        assertTrue(c.maxRelativeError() < 1e-7, c.toString());
    }

    @Test
    void theParametersFollowTheNotationInputWeightsUAndRecurrentWeightsW() {
        Params lstm = Lstm.init(4, 3, 2, 1.0, 1);
        assertEquals(List.of("Ui", "Wi", "bi", "Uf", "Wf", "bf", "Uq", "Wq", "bq", "Ug", "Wg", "bg", "V", "c"), lstm.names());
        assertEquals(3, lstm.get("Uq")[0].length);
        assertEquals(4, lstm.get("Wq")[0].length);
        assertEquals(List.of("Uu", "Wu", "bu", "Ur", "Wr", "br", "Un", "Wn", "bn", "V", "c"), Gru.init(4, 3, 2, 1).names());
    }

    @Test
    void theLstmStepIsItsEquations() {
        Params p = Lstm.init(3, 3, 2, 0.5, 8);
        Trace tr = new Lstm(p).forward(XS);
        double[] h = tr.h(1), m = tr.m(1);
        double[] i = sigmoid(affine(p, "i", XS[1], h)), f = sigmoid(affine(p, "f", XS[1], h));
        double[] q = sigmoid(affine(p, "q", XS[1], h)), g = affine(p, "g", XS[1], h);
        for (int k = 0; k < 3; k++) {
            double mNext = f[k] * m[k] + i[k] * Math.tanh(g[k]);
            assertEquals(mNext, tr.m(2)[k], 1e-15);
            assertEquals(q[k] * Math.tanh(mNext), tr.h(2)[k], 1e-15);
        }
    }

    @Test
    void theGruResetsAfterTheRecurrentMatrix() {
        Params p = Gru.init(3, 3, 2, 0.7, 6);
        Trace tr = new Gru(p).forward(XS);
        double[] h = tr.h(2);
        double[] u = sigmoid(affine(p, "u", XS[2], h)), r = sigmoid(affine(p, "r", XS[2], h));
        double[] wh = Matrices.times(p.get("Wn"), h);
        double[] ux = Matrices.times(p.get("Un"), XS[2]);
        for (int k = 0; k < 3; k++) {
            double n = Math.tanh(ux[k] + r[k] * wh[k] + p.get("bn")[0][k]);
            assertEquals((1 - u[k]) * n + u[k] * h[k], tr.h(3)[k], 1e-15);
        }
        assertEquals(0.7, p.get("bu")[0][1]);
    }

    static double[] affine(Params p, String gate, double[] x, double[] h) {
        double[] a = Matrices.times(p.get("U" + gate), x);
        double[] b = Matrices.times(p.get("W" + gate), h);
        for (int k = 0; k < a.length; k++) {
            a[k] += b[k] + p.get("b" + gate)[0][k];
        }
        return a;
    }

    static double[] sigmoid(double[] a) {
        double[] out = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            out[k] = 1 / (1 + Math.exp(-a[k]));
        }
        return out;
    }

    @Test
    void theForgetBiasIsSetAndOpensTheForgetGate() {
        Params p = Lstm.init(5, 3, 1, 3.0, 1);
        for (double b : p.get("bf")[0]) {
            assertEquals(3.0, b);
        }
        Trace tr = new Lstm(p).forward(XS);
        double mean = 0;
        for (double[] f : tr.gate("f")) {
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
        double[][] f = tr.gate("f");
        assertEquals(1.0, products[6][0]);
        assertEquals(f[5][1] * f[4][1], products[4][1], 1e-15);
    }

    @Test
    void theTraceReadsTheMathsNumbering() {
        Trace tr = new Lstm(Lstm.init(2, 3, 1, 1.0, 1)).forward(XS);
        assertArrayEquals(new double[2], tr.h(0));
        assertArrayEquals(new double[2], tr.m(0));
        assertArrayEquals(tr.hs()[5], tr.h(6));
        assertArrayEquals(tr.ms()[0], tr.m(1));
        assertEquals(6, tr.logits().length);
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

    @Test
    void theGateViewReadsEveryLetterFromTheArrayOfThatName() {
        Params p = Lstm.init(3, 3, 3, 1.5, 9);
        GateParams view = new Lstm(p).gateParams();
        for (String gate : List.of("i", "f", "q", "g")) {
            assertArrayEquals(p.get("U" + gate), view.U(gate));
            assertArrayEquals(p.get("W" + gate), view.W(gate));
            assertArrayEquals(p.get("b" + gate)[0], view.b(gate));
        }
        assertArrayEquals(p.get("V"), view.V());
        assertArrayEquals(p.get("c")[0], view.c());
        assertArrayEquals(new double[] {1.5, 1.5, 1.5}, view.b("f"));
        Params gradient = new Lstm(p).crossEntropy(XS, TARGETS).gradient();
        assertArrayEquals(gradient.get("Wq"), GateParams.lstm(gradient).W("q"));
    }
}
