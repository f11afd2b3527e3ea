package io.github.rnnkit.util;

import io.github.rnnkit.testing.BadInput;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GeometricMeanTest {

    @Test
    void theGeometricMeanIsTheNthRootOfTheProduct() {
        GeometricMean g = GeometricMean.of(new double[] {2, 8, 0.5, 16});   // product 128, fourth root 128^(1/4)
        assertEquals(Math.pow(128, 0.25), g.value(), 1e-15);
        assertEquals(4, g.n());
        assertEquals(0.5, g.min());
        assertEquals(16, g.max());
    }

    @Test
    void valuesAFactorApartAverageToTheirMiddleNotTheirMean() {
        GeometricMean g = GeometricMean.of(new double[] {1e-3, 1e-1});
        assertEquals(1e-2, g.value(), 1e-17);
    }

    @Test
    void oneValueIsItsOwnMean() {
        assertEquals(0.37, GeometricMean.of(new double[] {0.37}).value(), 1e-16);
    }

    @Test
    void theValuesAreLeftAsTheyWere() {
        double[] v = {3, 1, 2};
        GeometricMean.of(v);
        assertEquals(3, v[0]);
        assertEquals(2, v[2]);
    }

    @Test
    void itReadsAsTheMeanAndTheRange() {
        GeometricMean g = GeometricMean.of(new double[] {0.0105, 0.0212, 0.0163});
        assertEquals(String.format("%.3g (%.2g–%.2g)", Math.cbrt(0.0105 * 0.0212 * 0.0163), 0.0105, 0.0212), g.toString());
        assertEquals("0.015 (0.011–0.021)", g.toString("%.3f", "%.3f"));
    }

    @TestFactory
    Stream<DynamicTest> badInputIsNamed() {
        return BadInput.table()
                .row("GeometricMean.of", "no values", "values", () -> GeometricMean.of(new double[0]))
                .row("GeometricMean.of", "a zero", "values[1]", () -> GeometricMean.of(new double[] {1, 0}), "> 0", "0.0")
                .row("GeometricMean.of", "a negative value", "values[0]", () -> GeometricMean.of(new double[] {-1}), "-1.0")
                .row("GeometricMean.of", "NaN", "values[0]", () -> GeometricMean.of(new double[] {Double.NaN}), "NaN")
                .row("GeometricMean.of", "infinity", "values[0]", () -> GeometricMean.of(new double[] {Double.POSITIVE_INFINITY}), "Infinity")
                .row("GeometricMean.toString", "a null format", "format", () -> GeometricMean.of(new double[] {1}).toString(null, "%.2g"), "null")
                .tests();
    }
}
