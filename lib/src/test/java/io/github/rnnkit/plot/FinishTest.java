package io.github.rnnkit.plot;

import io.github.rnnkit.testing.BadInput;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class FinishTest {

    private static final double[] STEPS = {1, 2, 3, 4, 5};

    @Test
    void decadesAreLabelledAsPowersOfTenAndEverythingElseIsLeftBlank() {
        assertEquals("1", Finish.decadeLabel(0));
        assertEquals("1000", Finish.decadeLabel(3));
        assertEquals("0.01", Finish.decadeLabel(-2));
        assertEquals("0.001", Finish.decadeLabel(-3));
        assertEquals("1e-4", Finish.decadeLabel(-4));
        assertEquals("1e12", Finish.decadeLabel(12));
        assertEquals("", Finish.decadeLabel(0.5));
        assertEquals("", Finish.decadeLabel(-2.3));
    }

    @Test
    void linearTickLabelsAreWrittenOutWithoutRoundingNoise() {
        assertEquals("0.05", Finish.plainLabel(0.05));
        assertEquals("0.3", Finish.plainLabel(0.1 + 0.2));
        assertEquals("-1.5", Finish.plainLabel(-1.5));
        assertEquals("20", Finish.plainLabel(20.0));
        assertEquals("0", Finish.plainLabel(-0.0));
        assertEquals("0.00001", Finish.plainLabel(1e-5));
    }

    @Test
    void aLogAxisSpansTheWholeDecadesAroundTheData() {
        XYChart chart = Plots.line("t").logY().series("a", STEPS, new double[] {3e-7, 1e-3, 0.2, 5, 40}).build();
        assertSame(chart, Finish.logAxes(chart));
        assertEquals(-7, chart.getStyler().getYAxisMin());
        assertEquals(2, chart.getStyler().getYAxisMax());
        assertEquals("1e-7", chart.getStyler().getyAxisTickLabelsFormattingFunction().apply(-7.0));
    }

    @Test
    void dataWithinOneDecadeStillGetsTwoLabelledTicks() {
        XYChart chart = Plots.line("t").logY().series("a", STEPS, new double[] {0.2, 0.3, 0.4, 0.5, 0.6}).build();
        Finish.logAxes(chart);
        assertEquals(-1, chart.getStyler().getYAxisMin());
        assertEquals(0, chart.getStyler().getYAxisMax());
    }

    @Test
    void equallySpacedStepsGetAnXRangeHalfAStepWiderOnEachSide() {
        XYChart chart = Plots.line("t").series("a", STEPS, STEPS).build();
        Finish.linearAxes(chart);
        assertEquals(0.5, chart.getStyler().getXAxisMin());
        assertEquals(5.5, chart.getStyler().getXAxisMax());
        assertNotEquals(0, chart.getStyler().getChartTitlePadding() - new XYChart(10, 10).getStyler().getChartTitlePadding());
    }

    @Test
    void aFamilySharesOneColourAndTellsItsMembersApartByLineStyle() {
        XYChart chart = Plots.line("t")
                .series("measured 1", STEPS, STEPS).dashed("bound 1", STEPS, STEPS).series("power 1", STEPS, STEPS)
                .series("measured 2", STEPS, STEPS).dashed("bound 2", STEPS, STEPS).series("power 2", STEPS, STEPS)
                .build();
        Finish.families(chart, 3);
        List<XYSeries> s = List.copyOf(chart.getSeriesMap().values());
        for (int i = 0; i < 6; i++) {
            assertEquals(Plots.PALETTE[i / 3], s.get(i).getLineColor(), s.get(i).getName());
        }
        assertNotEquals(s.get(0).getLineStyle(), s.get(1).getLineStyle());
        assertNotEquals(s.get(1).getLineStyle(), s.get(2).getLineStyle());
        assertEquals(s.get(2).getLineStyle(), s.get(5).getLineStyle());
    }

    @TestFactory
    Stream<DynamicTest> badInputIsRejectedByName() {
        XYChart chart = Plots.line("t").series("a", STEPS, STEPS).build();
        return BadInput.table()
                .row("Finish.families", "a family of four", "size", () -> Finish.families(chart, 4), "1, 2 or 3", "4")
                .row("Finish.families", "a null chart", "chart", () -> Finish.families(null, 2), "null")
                .row("Finish.linearAxes", "a null chart", "chart", () -> Finish.linearAxes(null), "null")
                .row("Finish.logAxes", "a chart with no series", "chart",
                        () -> Finish.logAxes(new XYChart(100, 100)), "finite value", "none")
                .tests();
    }
}
