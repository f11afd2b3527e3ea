package io.github.rnnkit.clip;

import io.github.rnnkit.activation.Activations;
import io.github.rnnkit.rnn.Forward;
import io.github.rnnkit.rnn.Gradients;
import io.github.rnnkit.rnn.Init;
import io.github.rnnkit.rnn.Rnn;
import io.github.rnnkit.util.Matrices;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClippingTest {

    static double[][] matrix(List<Double> values) {
        double[][] m = new double[2][values.size() / 2];
        for (int i = 0; i < m[0].length; i++) {
            m[0][i] = values.get(2 * i);
            m[1][i] = values.get(2 * i + 1);
        }
        return m;
    }

    @Property
    void byNormNeverLeavesANormAboveTheLimit(@ForAll @Size(min = 2, max = 20) List<@DoubleRange(min = -1e6, max = 1e6) Double> values,
                                            @ForAll @DoubleRange(min = 0.01, max = 100) double limit) {
        double[][] clipped = Clipping.byNorm(matrix(values), limit);
        assertTrue(Matrices.frobenius(clipped) <= limit * (1 + 1e-12));
    }

    @Property
    void byNormKeepsTheDirection(@ForAll @Size(min = 2, max = 20) List<@DoubleRange(min = -1e3, max = 1e3) Double> values,
                                 @ForAll @DoubleRange(min = 0.01, max = 10) double limit) {
        double[][] g = matrix(values);
        double[][] clipped = Clipping.byNorm(g, limit);
        double dot = 0;
        for (int i = 0; i < g.length; i++) {
            for (int j = 0; j < g[i].length; j++) {
                dot += g[i][j] * clipped[i][j];
            }
        }
        double ng = Matrices.frobenius(g);
        double nc = Matrices.frobenius(clipped);
        if (ng > 0) {
            assertEquals(1.0, dot / (ng * nc), 1e-12);
        }
    }

    @Property
    void byValueKeepsInRangeEntriesExactlyAndLeavesTheInputAlone(
            @ForAll @Size(min = 2, max = 20) List<@DoubleRange(min = -50, max = 50) Double> values) {
        double[][] g = matrix(values);
        double[][] before = Matrices.scale(1, g);
        double[][] clipped = Clipping.byValue(g, 15);
        for (int i = 0; i < g.length; i++) {
            assertArrayEquals(before[i], g[i]);
            for (int j = 0; j < g[i].length; j++) {
                double expected = Math.abs(g[i][j]) <= 15 ? g[i][j] : Math.copySign(15, g[i][j]);
                assertEquals(expected, clipped[i][j]);
            }
        }
    }

    @Test
    void underTheLimitTheResultEqualsTheInputExactly() {
        double[][] g = {{0.1, -0.2}, {0.3, 0.4}};
        double[][] clipped = Clipping.byNorm(g, 10);
        assertArrayEquals(g, clipped);
        assertTrue(g != clipped);
        assertFalse(Clipping.byNormReport(g, 10).changed());
    }

    @Test
    void exactlyAtTheLimitNothingChanges() {
        double[][] g = {{3, 4}};
        assertArrayEquals(g, Clipping.byNorm(g, 5));
    }

    @Test
    void theGlobalNormOfThreeFourAndTwelveIsThirteen() {
        assertEquals(13, Clipping.globalNorm(new double[] {3, 4}, new double[] {12}), 1e-15);
        double[][] tf = Clipping.tensorFlowGlobalNorm(5, new double[] {3, 4}, new double[] {12});
        assertArrayEquals(new double[] {3 * 5.0 / 13, 4 * 5.0 / 13}, tf[0], 1e-15);
        assertArrayEquals(new double[] {12 * 5.0 / 13}, tf[1], 1e-15);
    }

    @Test
    void pyTorchScalesVerySlightlyEvenAtTheLimit() {
        double[][] torch = Clipping.pyTorchGlobalNorm(13, new double[] {3, 4}, new double[] {12});
        assertTrue(torch[1][0] < 12 && torch[1][0] > 12 * (1 - 1e-6));
    }

    @Test
    void tensorFlowTurnsANonFiniteGlobalNormIntoNan() {
        double[][] tf = Clipping.tensorFlowGlobalNorm(5, new double[] {Double.POSITIVE_INFINITY, 1}, new double[] {2});
        assertTrue(Double.isNaN(tf[0][1]) && Double.isNaN(tf[1][0]));
    }

    /** √(Σ g²) over every entry of dU, dW, db, dV and dc (not dh0), summed here, not by the library. */
    static double globalNormByHand(Gradients g) {
        double sum = 0;
        for (double[][] m : new double[][][] {g.dU(), g.dW(), {g.db()}, g.dV(), {g.dc()}}) {
            for (double[] row : m) {
                for (double v : row) {
                    sum += v * v;
                }
            }
        }
        return Math.sqrt(sum);
    }

    @Test
    void globalNormClippingScalesEveryParameterByTheSameFactor() {
        Rnn rnn = new Rnn(Init.withLargestSingularValue(Init.uniform(4, 3, 3, 1), 3), Activations.RELU);
        Forward fwd = rnn.forward(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 1}}, null);
        Gradients g = rnn.bptt(fwd, new int[] {0, 1, 2, 0});
        double norm = globalNormByHand(g);
        double limit = norm / 4;
        Clipped<Gradients> report = Clipping.byGlobalNormReport(g, limit);
        assertTrue(report.changed());
        assertEquals(0.25, report.scale(), 1e-15);
        assertEquals(limit, globalNormByHand(report.clipped()), 1e-12 * limit);
        double[][][] before = {g.dU(), g.dW(), {g.db()}, g.dV(), {g.dc()}};
        double[][][] after = {report.clipped().dU(), report.clipped().dW(), {report.clipped().db()},
            report.clipped().dV(), {report.clipped().dc()}};
        for (int a = 0; a < before.length; a++) {
            for (int i = 0; i < before[a].length; i++) {
                for (int j = 0; j < before[a][i].length; j++) {
                    assertEquals(before[a][i][j] / 4, after[a][i][j], 1e-15, "array " + a + " (" + i + ", " + j + ")");
                }
            }
        }
    }

    @Test
    void globalNormUnderTheLimitReturnsTheSameGradients() {
        Gradients g = Gradients.of(new double[][] {{1}}, new double[][] {{1}}, new double[] {1}, new double[][] {{1}},
                new double[] {1}, new double[] {0});
        assertSame(g, Clipping.byGlobalNorm(g, 10));
    }

    @Test
    void aZeroGradientGivesNoNan() {
        double[][] zero = new double[2][2];
        assertArrayEquals(zero, Clipping.byNorm(zero, 1));
        assertArrayEquals(zero, Clipping.byValue(zero, 1));
    }

    @Test
    void aNegativeLimitIsRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Clipping.byValue(new double[][] {{1}}, -1));
        assertEquals("theta: expected a number >= 0, got -1.0", e.getMessage());
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class, () -> Clipping.byNorm(new double[][] {{1}}, -2));
        assertEquals("theta: expected a number >= 0, got -2.0", n.getMessage());
    }

    @Test
    void aNanGradientIsRejectedNamingTheEntry() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Clipping.byNorm(new double[][] {{1, 2}, {Double.NaN, 0}}, 1));
        assertTrue(e.getMessage().startsWith("g[1][0]: expected a finite gradient, got NaN"), e.getMessage());
    }
}
