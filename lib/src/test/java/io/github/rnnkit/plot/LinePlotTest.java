package io.github.rnnkit.plot;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LinePlotTest {

    @Test
    void aSmoothedSeriesDrawsEachBlockMeanAtTheLastStepOfItsBlock() {
        XYChart chart = Plots.line("loss").smoothed("run", new double[] {4, 2, 3, 1, 9}, 2).build();
        XYSeries series = chart.getSeriesMap().get("run");
        assertArrayEquals(new double[] {2, 4}, series.getXData());
        assertArrayEquals(new double[] {3, 2}, series.getYData());
    }

    @Test
    void dotsAreMarkersWithNoLineBetweenThem() {
        XYChart chart = Plots.line("points").series("curve", new double[] {0, 1}, new double[] {0, 1})
                .dots("on it", new double[] {0.5}, new double[] {0.5}).build();
        XYSeries dots = chart.getSeriesMap().get("on it");
        assertEquals(SeriesMarkers.CIRCLE, dots.getMarker());
        assertEquals(SeriesLines.NONE, dots.getLineStyle());
        assertEquals(SeriesMarkers.NONE, chart.getSeriesMap().get("curve").getMarker());
    }
}
