package io.github.rnnkit.plot;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class Log2AxisTest {

    @Test
    void wholePowersOfTwoAreLabelledWithTheSizeAndEverythingElseIsBlank() {
        assertEquals("4", Log2Axis.label(2));
        assertEquals("128", Log2Axis.label(7));
        assertEquals("1", Log2Axis.label(0));
        assertEquals("0.500", Log2Axis.label(-1));
        assertEquals("", Log2Axis.label(2.5));
    }

    @Test
    void theAxisRunsFromTheWholePowerBelowTheDataToTheOneAbove() {
        XYChart chart = Plots.line("gain").series("g", new double[] {2.3, 6.8}, new double[] {1, 2}).build();
        Log2Axis.x(chart);
        assertEquals(2.0, chart.getStyler().getXAxisMin());
        assertEquals(7.0, chart.getStyler().getXAxisMax());
    }

    @Test
    void aChartWithoutDataIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Log2Axis.x(new XYChart(100, 100)));
    }
}
