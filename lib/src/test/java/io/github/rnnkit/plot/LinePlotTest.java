package io.github.rnnkit.plot;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class LinePlotTest {

    @Test
    void aSmoothedSeriesDrawsEachBlockMeanAtTheLastStepOfItsBlock() {
        XYChart chart = Plots.line("loss").smoothed("run", new double[] {4, 2, 3, 1, 9}, 2).build();
        XYSeries series = chart.getSeriesMap().get("run");
        assertArrayEquals(new double[] {2, 4}, series.getXData());
        assertArrayEquals(new double[] {3, 2}, series.getYData());
    }
}
