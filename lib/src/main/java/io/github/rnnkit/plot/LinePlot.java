package io.github.rnnkit.plot;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.ArrayList;
import java.util.List;

/**
 * A fluent builder of a line chart in the house style of {@link Plots}:
 *
 * <pre>{@code
 * XYChart chart = Plots.line("σ and σ'").xLabel("z").yLabel("value")
 *         .series("σ(z)", zs, s).series("σ'(z)", zs, ds).build();
 * }</pre>
 *
 * Series keep the order they were added in, and so their palette colour. Each call returns this
 * builder; {@link #build()} makes a new chart every time.
 */
public final class LinePlot {

    private record Series(String name, double[] x, double[] y, boolean dashed) {
    }

    private final String title;
    private String xLabel = "";
    private String yLabel = "";
    private boolean logY;
    private Double yMin;
    private Double yMax;
    private int width = Plots.WIDTH;
    private int height = Plots.HEIGHT;
    private final List<Series> series = new ArrayList<>();

    LinePlot(String title) {
        this.title = title == null ? "" : title;
    }

    public LinePlot xLabel(String label) {
        this.xLabel = label;
        return this;
    }

    public LinePlot yLabel(String label) {
        this.yLabel = label;
        return this;
    }

    /** A base-10 logarithmic y axis: every y value of every series must then be positive. */
    public LinePlot logY() {
        this.logY = true;
        return this;
    }

    /** Fixes the y range instead of fitting it to the data. */
    public LinePlot yRange(double min, double max) {
        if (!(min < max)) {
            throw new IllegalArgumentException("yRange: expected min < max, got min=" + min + ", max=" + max);
        }
        this.yMin = min;
        this.yMax = max;
        return this;
    }

    public LinePlot size(int width, int height) {
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException(
                    "size: expected width and height >= 100 pixels, got " + width + "×" + height);
        }
        this.width = width;
        this.height = height;
        return this;
    }

    /** Adds a solid line through the points (x[i], y[i]). */
    public LinePlot series(String name, double[] x, double[] y) {
        return add(name, x, y, false);
    }

    /** Adds a dashed line, for a bound or a reference curve drawn against measured data. */
    public LinePlot dashed(String name, double[] x, double[] y) {
        return add(name, x, y, true);
    }

    private LinePlot add(String name, double[] x, double[] y, boolean dashed) {
        if (x == null || y == null || x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("series '" + name + "': expected x and y of the same non-zero length, got "
                    + (x == null ? "null" : x.length) + " and " + (y == null ? "null" : y.length));
        }
        series.add(new Series(name, x.clone(), y.clone(), dashed));
        return this;
    }

    /** Builds the chart; with a log axis, a series holding a value ≤ 0 is refused by name. */
    public XYChart build() {
        XYChart chart = new XYChart(width, height);
        chart.setTitle(title);
        chart.setXAxisTitle(xLabel);
        chart.setYAxisTitle(yLabel);
        Plots.apply(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendVisible(series.size() > 1);
        chart.getStyler().setYAxisLogarithmic(logY);
        if (yMin != null) {
            chart.getStyler().setYAxisMin(yMin);
            chart.getStyler().setYAxisMax(yMax);
        }
        for (Series s : series) {
            if (logY) {
                requirePositive(s);
            }
            XYSeries xy = chart.addSeries(s.name(), s.x(), s.y());
            xy.setMarker(SeriesMarkers.NONE);
            xy.setLineStyle(s.dashed() ? SeriesLines.DASH_DASH : SeriesLines.SOLID);
        }
        return chart;
    }

    private static void requirePositive(Series s) {
        for (int i = 0; i < s.y().length; i++) {
            if (!(s.y()[i] > 0)) {
                throw new IllegalArgumentException("series '" + s.name()
                        + "': a log y axis needs every value > 0, got y[" + i + "] = " + s.y()[i]);
            }
        }
    }
}
