package io.github.rnnkit.plot;

import io.github.rnnkit.testing.BadInput;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void aRangeTheChartAlreadyHasIsKeptOnALogAxis() {
        XYChart chart = Plots.line("t").logY().series("a", STEPS, new double[] {3e-7, 1e-3, 0.2, 5, 40}).build();
        chart.getStyler().setYAxisMin(-4.0);
        chart.getStyler().setYAxisMax(1.5);
        Finish.logAxes(chart);
        assertEquals(-4, chart.getStyler().getYAxisMin());
        assertEquals(1.5, chart.getStyler().getYAxisMax());
    }

    /** Pixels of a chart drawn twice must match exactly, so this also shows that equal charts draw equally. */
    private static void assertSamePicture(XYChart expected, XYChart actual, String what) {
        BufferedImage a = BitmapEncoder.getBufferedImage(expected);
        BufferedImage b = BitmapEncoder.getBufferedImage(actual);
        assertEquals(a.getWidth(), b.getWidth(), what);
        assertEquals(a.getHeight(), b.getHeight(), what);
        int differing = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                differing += a.getRGB(x, y) == b.getRGB(x, y) ? 0 : 1;
            }
        }
        assertEquals(0, differing, what + ": pixels that differ");
    }

    private static final double[] SPREAD = {3e-7, 1e-3, 0.2, 5, 40};

    @TestFactory
    Stream<DynamicTest> finishingABuiltChartAgainChangesNothing() {
        record Case(String name, Supplier<LinePlot> plot) {
        }
        List<Case> cases = List.of(
                new Case("a linear chart", () -> Plots.line("t").series("a", STEPS, STEPS).dashed("b", STEPS, SPREAD)),
                new Case("a log chart", () -> Plots.line("t").logY().series("a", STEPS, SPREAD).hline("one", 1)),
                new Case("a log chart with its own y range", () -> Plots.line("t").logY().yRange(1e-3, 50).series("a", STEPS, SPREAD)),
                new Case("a chart of families", () -> Plots.line("t").families(2).series("a", STEPS, STEPS).dashed("b", STEPS, SPREAD)
                        .series("c", STEPS, SPREAD).series("d", STEPS, STEPS)));
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            XYChart built = c.plot().get().build();
            boolean log = c.name().contains("log");
            XYChart wrapped = log ? Finish.logAxes(c.plot().get().build()) : Finish.linearAxes(c.plot().get().build());
            XYChart twice = log ? Finish.logAxes(Finish.logAxes(c.plot().get().build()))
                    : Finish.linearAxes(Finish.linearAxes(c.plot().get().build()));
            assertEquals(built.getStyler().getYAxisMin(), wrapped.getStyler().getYAxisMin());
            assertEquals(built.getStyler().getXAxisMax(), twice.getStyler().getXAxisMax());
            assertSamePicture(built, wrapped, "build() against Finish(build())");
            assertSamePicture(built, twice, "build() against Finish(Finish(build()))");
            if (c.name().contains("families")) {
                assertSamePicture(built, Finish.families(c.plot().get().build(), 2), "build() against Finish.families(build(), 2)");
            }
        }));
    }

    @Test
    void chartsThatDifferDrawDifferently() {
        // the picture comparison above can fail: a y range changed by hand shows in the pixels
        XYChart a = Plots.line("t").logY().series("a", STEPS, SPREAD).build();
        XYChart b = Plots.line("t").logY().yRange(1e-3, 50).series("a", STEPS, SPREAD).build();
        BufferedImage ia = BitmapEncoder.getBufferedImage(a);
        BufferedImage ib = BitmapEncoder.getBufferedImage(b);
        int differing = 0;
        for (int y = 0; y < ia.getHeight(); y++) {
            for (int x = 0; x < ia.getWidth(); x++) {
                differing += ia.getRGB(x, y) == ib.getRGB(x, y) ? 0 : 1;
            }
        }
        assertTrue(differing > 100, "pixels that differ: " + differing);
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
