package io.github.rnnkit.chain;

import io.github.rnnkit.activation.Activations;
import io.github.rnnkit.chain.RepeatedLayer.FixedPoint;
import io.github.rnnkit.testing.BadInput;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RepeatedLayerTest {

    static double sigma(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void aSteepSigmoidLayerHasAnUnstableMiddleAndTwoStableMirrorPoints() {
        double w = 6.89;
        List<FixedPoint> points = RepeatedLayer.of(Activations.SIGMOID, w, -w / 2).fixedPoints(0, 1);
        assertEquals(3, points.size());
        FixedPoint low = points.get(0);
        FixedPoint middle = points.get(1);
        FixedPoint high = points.get(2);
        assertEquals(0.5, middle.a(), 1e-15);
        assertEquals(w / 4, middle.factor(), 1e-12);
        assertFalse(middle.stable());
        // σ(w(a − 1/2)) is point-symmetric about (1/2, 1/2): the outer points mirror each other
        assertEquals(1, low.a() + high.a(), 1e-12);
        for (FixedPoint p : List.of(low, high)) {
            assertEquals(p.a(), sigma(w * p.a() - w / 2), 1e-14, "a fixed point");
            assertEquals(w * p.a() * (1 - p.a()), p.factor(), 1e-12, "g'(a*) = w σ(1 − σ) at σ = a*");
            assertTrue(p.stable());
        }
    }

    @Test
    void aChainStartedAnywhereBelowTheMiddleSettlesAtTheLowPoint() {
        double w = 6.89;
        RepeatedLayer layer = RepeatedLayer.of(Activations.SIGMOID, w, -w / 2);
        double low = layer.fixedPoints(0, 1).get(0).a();
        for (double start : new double[] {0.01, 0.3, 0.49}) {
            double[] a = layer.run(start, 200);
            assertEquals(start, a[0]);
            assertEquals(low, a[200], 1e-12, "from " + start);
            assertEquals(sigma(w * a[199] - w / 2), a[200], 1e-15, "a_j = σ(w a_{j−1} + b)");
        }
    }

    @Test
    void theSettledFactorIsTheStablePointsFactor() {
        RepeatedLayer layer = RepeatedLayer.of(Activations.SIGMOID, 6.89, -6.89 / 2);
        FixedPoint low = layer.fixedPoints(0, 1).get(0);
        assertEquals(low.factor(), layer.settledFactor(0.3, 300, 50), 1e-9);
    }

    @Test
    void aNegativeWeightSettlesOnATwoCycleWhoseFactorsMultiplyToBelowOne() {
        // w = −12, b = 6: σ(6 − 12a) is decreasing; its one fixed point 1/2 has factor −3, unstable
        RepeatedLayer layer = RepeatedLayer.of(Activations.SIGMOID, -12, 6);
        List<FixedPoint> points = layer.fixedPoints(0, 1);
        assertEquals(1, points.size());
        assertEquals(-3, points.get(0).factor(), 1e-12);
        double[] a = layer.run(0.3, 400);
        assertEquals(a[398], a[400], 1e-12, "period 2");
        assertTrue(Math.abs(a[399] - a[400]) > 0.1, "not a fixed point");
        double twoLayers = Math.abs(layer.factor(a[398]) * layer.factor(a[399]));
        assertTrue(twoLayers < 1);
        assertEquals(Math.sqrt(twoLayers), layer.settledFactor(0.3, 398, 2), 1e-12);
    }

    @Test
    void tanhWithGainTwoHasZeroUnstableBetweenTwoStablePoints() {
        List<FixedPoint> points = RepeatedLayer.of(Activations.TANH, 2, 0).fixedPoints(-1, 1);
        assertEquals(3, points.size());
        assertEquals(0, points.get(1).a(), 1e-15);
        assertEquals(2, points.get(1).factor(), 1e-12);
        assertEquals(points.get(2).a(), Math.tanh(2 * points.get(2).a()), 1e-14);
        assertEquals(-points.get(0).a(), points.get(2).a(), 1e-12);
    }

    @TestFactory
    Stream<DynamicTest> badInputIsRejected() {
        RepeatedLayer layer = RepeatedLayer.of(Activations.SIGMOID, 2, 0);
        return BadInput.table()
                .row("RepeatedLayer.of", "a null activation", "f", () -> RepeatedLayer.of(null, 1, 0), "Activation", "null")
                .row("RepeatedLayer.of", "a NaN weight", "w", () -> RepeatedLayer.of(Activations.SIGMOID, Double.NaN, 0), "finite", "NaN")
                .row("RepeatedLayer.of", "an infinite bias", "b",
                        () -> RepeatedLayer.of(Activations.SIGMOID, 1, Double.POSITIVE_INFINITY), "finite", "Infinity")
                .row("RepeatedLayer.fixedPoints", "an empty interval", "hi", () -> layer.fixedPoints(1, 1), "> lo", "1.0")
                .row("RepeatedLayer.fixedPoints", "a NaN end", "lo", () -> layer.fixedPoints(Double.NaN, 1), "finite", "NaN")
                .row("RepeatedLayer.run", "a negative length", "n", () -> layer.run(0.5, -1), ">= 0", "-1")
                .row("RepeatedLayer.run", "a NaN start", "start", () -> layer.run(Double.NaN, 3), "finite", "NaN")
                .row("RepeatedLayer.settledFactor", "no layers to measure", "measure",
                        () -> layer.settledFactor(0.5, 10, 0), ">= 1", "0")
                .row("RepeatedLayer.settledFactor", "a negative settling length", "settle",
                        () -> layer.settledFactor(0.5, -2, 5), ">= 0", "-2")
                .tests();
    }
}
