package io.github.rnnkit.plot;

import io.github.rnnkit.testing.BadInput;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

class PlotBadInputTest {

    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double[] X = {1, 2, 3};

    private static LinePlot plot() {
        return Plots.line("t");
    }

    @TestFactory
    Stream<DynamicTest> everyPublicMethodRejectsBadInput() {
        return BadInput.table()
                .row("Plots.xyChart", "a null title", "title",
                        () -> Plots.xyChart(null, "x", "y"), "\"\" for none", "null")
                .row("Plots.apply", "a null styler", "styler",
                        () -> Plots.apply(null), "styler", "null")
                .row("Plots.log10HeatMap", "a null matrix", "m",
                        () -> Plots.log10HeatMap("t", "k", "t", null), "null")
                .row("Plots.log10HeatMap", "a matrix whose first row is empty", "m",
                        () -> Plots.log10HeatMap("t", "k", "t", new double[][] {{}}), "0 columns")
                .row("Plots.log10HeatMap", "a ragged matrix", "m",
                        () -> Plots.log10HeatMap("t", "k", "t", new double[][] {{1, 2}, {3, 4, 5}}), "row 1 of length 3")
                .row("Plots.log10HeatMap", "a NaN entry", "m[0][1]",
                        () -> Plots.log10HeatMap("t", "k", "t", new double[][] {{1, NAN}}), "finite", "NaN")
                .row("Plots.log10HeatMap", "an infinite entry", "m[1][0]",
                        () -> Plots.log10HeatMap("t", "k", "t", new double[][] {{1}, {INF}}), "finite", "Infinity")
                .row("Plots.log10HeatMap", "a matrix with no entry above 0", "m",
                        () -> Plots.log10HeatMap("t", "k", "t", new double[][] {{0, -1}}), "> 0", "none")
                .row("Plots.log10HeatMap", "a null title", "title",
                        () -> Plots.log10HeatMap(null, "k", "t", new double[][] {{1}}), "null")

                .row("LinePlot.yRange", "a NaN minimum", "min",
                        () -> plot().yRange(NAN, 1), "finite", "NaN")
                .row("LinePlot.yRange", "an infinite maximum", "max",
                        () -> plot().yRange(0, INF), "finite", "Infinity")
                .row("LinePlot.yRange", "an empty range", "max",
                        () -> plot().yRange(1, 1), "> min (1.0)", "1.0")
                .row("LinePlot.yRange", "a maximum below the minimum", "max",
                        () -> plot().yRange(1, 0), "> min (1.0)", "0.0")
                .row("LinePlot.size", "a width under 100 pixels", "width",
                        () -> plot().size(99, 400), ">= 100", "99")
                .row("LinePlot.size", "a height of 0", "height",
                        () -> plot().size(400, 0), ">= 100", "0")
                .row("LinePlot.series", "null x", "x",
                        () -> plot().series("s", null, X), "null")
                .row("LinePlot.series", "null y", "y",
                        () -> plot().series("s", X, null), "length 3", "null")
                .row("LinePlot.series", "no points", "x",
                        () -> plot().series("s", new double[0], new double[0]), "non-empty", "length 0")
                .row("LinePlot.series", "y shorter than x", "y",
                        () -> plot().series("s", X, new double[2]), "length 3", "length 2")
                .row("LinePlot.series", "a NaN y value", "y[1]",
                        () -> plot().series("s", X, new double[] {1, NAN, 3}), "finite", "NaN")
                .row("LinePlot.series", "an infinite x value", "x[2]",
                        () -> plot().series("s", new double[] {1, 2, INF}, X), "finite", "Infinity")
                .row("LinePlot.series", "a null name", "name",
                        () -> plot().series(null, X, X), "non-empty", "null")
                .row("LinePlot.series", "an empty name", "name",
                        () -> plot().series("", X, X), "non-empty", "\"\"")
                .row("LinePlot.series", "a name already used", "name",
                        () -> plot().series("σ", X, X).series("σ", X, X), "no other line", "\"σ\"")
                .row("LinePlot.dashed", "y longer than x", "y",
                        () -> plot().dashed("bound", X, new double[4]), "length 3", "length 4")
                .row("LinePlot.dashed", "the name of a solid line", "name",
                        () -> plot().series("σ", X, X).dashed("σ", X, X), "no other line", "\"σ\"")
                .row("LinePlot.hline", "a NaN height", "y",
                        () -> plot().hline("h", NAN), "finite", "NaN")
                .row("LinePlot.hline", "an infinite height", "y",
                        () -> plot().hline("h", -INF), "finite", "-Infinity")
                .row("LinePlot.hline", "a null name", "name",
                        () -> plot().hline(null, 1), "non-empty", "null")
                .row("LinePlot.hline", "the name of a series", "name",
                        () -> plot().series("1", X, X).hline("1", 1), "no other line", "\"1\"")
                .row("LinePlot.smoothed", "a window longer than the losses", "window",
                        () -> Plots.line("t").smoothed("loss", new double[] {1, 2}, 5), "at most", "5")
                .row("LinePlot.smoothed", "null losses", "y", () -> Plots.line("t").smoothed("loss", null, 2), "null")
                .row("LinePlot.families", "a family of four", "size", () -> plot().families(4), "1, 2 or 3", "4")
                .row("LinePlot.families", "a family of none", "size", () -> plot().families(0), "1, 2 or 3", "0")
                .row("LinePlot.build", "no series", "series", () -> plot().build(), "at least one series", "none")
                .row("LinePlot.build", "a horizontal line and no series", "series",
                        () -> plot().hline("h", 1).build(), "at least one series", "none")
                .row("LinePlot.build", "a zero on a log axis", "series 'g'",
                        () -> plot().logY().series("g", X, new double[] {1, 0, 2}).build(), "> 0", "y[1] = 0.0")
                .tests();
    }
}
