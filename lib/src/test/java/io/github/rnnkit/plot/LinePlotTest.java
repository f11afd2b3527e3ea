package io.github.rnnkit.plot;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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

    private static final double[] STEPS = {1, 2, 3, 4, 5};

    @Test
    void aBuiltChartHasRoundXTicksAndPlainLabelsWithoutAFinishingCall() {
        XYChart chart = Plots.line("t").series("a", STEPS, new double[] {0.05, 0.1, 0.15, 0.2, 0.25}).build();
        assertEquals(0.5, chart.getStyler().getXAxisMin());          // half a step beyond the data
        assertEquals(5.5, chart.getStyler().getXAxisMax());
        assertEquals("0.05", chart.getStyler().getyAxisTickLabelsFormattingFunction().apply(0.05));
        assertNull(chart.getStyler().getYAxisMin(), "a linear axis fits its data");
    }

    @Test
    void aBuiltLogChartSpansTheWholeDecadesAroundItsDataLabelledAtThePowersOfTen() {
        XYChart chart = Plots.line("t").logY().series("a", STEPS, new double[] {3e-7, 1e-3, 0.2, 5, 40}).build();
        assertEquals(-7, chart.getStyler().getYAxisMin());            // log10(3e-7) = -6.5 → -7
        assertEquals(2, chart.getStyler().getYAxisMax());             // log10(40) = 1.6 → 2
        assertEquals("1e-7", chart.getStyler().getyAxisTickLabelsFormattingFunction().apply(-7.0));
        assertEquals("100", chart.getStyler().getyAxisTickLabelsFormattingFunction().apply(2.0));
        assertEquals("", chart.getStyler().getyAxisTickLabelsFormattingFunction().apply(-6.5));
        assertEquals(0.5, chart.getStyler().getXAxisMin());
    }

    @Test
    void anExplicitRangeOnALogAxisIsKeptAsGiven() {
        XYChart chart = Plots.line("t").logY().yRange(1e-3, 50)
                .series("a", STEPS, new double[] {3e-7, 1e-3, 0.2, 5, 40}).build();
        assertEquals(-3, chart.getStyler().getYAxisMin(), 1e-12);
        assertEquals(Math.log10(50), chart.getStyler().getYAxisMax(), 1e-12);
    }

    @Test
    void anExplicitRangeOnALinearAxisIsKept() {
        XYChart chart = Plots.line("t").yRange(-1.05, 1.05).series("a", STEPS, STEPS).build();
        assertEquals(-1.05, chart.getStyler().getYAxisMin());
        assertEquals(1.05, chart.getStyler().getYAxisMax());
    }

    @Test
    void familiesColourEachRunOfSeriesAlikeAndTellItsMembersApartByLineStyle() {
        XYChart chart = Plots.line("t").families(2)
                .series("measured 1", STEPS, STEPS).dashed("bound 1", STEPS, STEPS)
                .series("measured 2", STEPS, STEPS).series("bound 2", STEPS, STEPS)
                .build();
        List<XYSeries> s = List.copyOf(chart.getSeriesMap().values());
        assertEquals(Plots.PALETTE[0], s.get(0).getLineColor());
        assertEquals(Plots.PALETTE[0], s.get(1).getLineColor());
        assertEquals(Plots.PALETTE[1], s.get(2).getLineColor());
        assertEquals(Plots.PALETTE[1], s.get(3).getLineColor());
        assertNotEquals(s.get(0).getLineStyle(), s.get(1).getLineStyle());
        assertEquals(s.get(1).getLineStyle(), s.get(3).getLineStyle(), "the second of each family is dashed, however it was added");
    }

    @Test
    void withoutFamiliesEverySeriesKeepsItsOwnColourAndStyle() {
        XYChart chart = Plots.line("t").series("a", STEPS, STEPS).dashed("b", STEPS, STEPS).build();
        XYSeries a = chart.getSeriesMap().get("a");
        XYSeries b = chart.getSeriesMap().get("b");
        assertEquals(SeriesLines.SOLID, a.getLineStyle());
        assertEquals(SeriesLines.DASH_DASH, b.getLineStyle());
        assertNull(a.getLineColor(), "the palette of the styler, not a colour of the series");
    }
}
