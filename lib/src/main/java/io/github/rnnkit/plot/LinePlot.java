package io.github.rnnkit.plot;

import io.github.rnnkit.util.Check;
import io.github.rnnkit.util.Grid;
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
 * builder; {@link #build()} makes a new, finished chart every time: round x ticks and plain labels,
 * on a {@link #logY()} axis whole decades labelled at the powers of ten, and with
 * {@link #families(int)} runs of series sharing a colour. Add every series here: a series added to the built chart by hand lies
 * outside a y range the chart already fixed.
 */
public final class LinePlot {

    private enum Style { SOLID, DASHED, DOTS }

    private record Series(String name, double[] x, double[] y, Style style) {
    }

    private final String title;
    private String xLabel = "";
    private String yLabel = "";
    private boolean logY;
    private int familySize;          // 0: no families
    private Double yMin;
    private Double yMax;
    private int width = Plots.WIDTH;
    private int height = Plots.HEIGHT;
    private final List<Series> series = new ArrayList<>();
    private final List<Series> horizontals = new ArrayList<>();

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

    /**
     * A base-10 logarithmic y axis: every y value of every series must then be positive. The
     * chart plots log10(y) on a linear axis over whole decades, labelled 0.001, 1, 1e6 … at the
     * powers of ten only, because XChart's own log axis labels and grids every decade and becomes
     * unreadable over twenty decades.
     */
    public LinePlot logY() {
        this.logY = true;
        return this;
    }

    /**
     * Fixes the y range instead of fitting it to the data (on a {@link #logY()} axis the range is
     * kept as given, not widened to whole decades).
     */
    public LinePlot yRange(double min, double max) {
        Check.finite("min", min);
        Check.finite("max", max);
        if (!(min < max)) {
            throw new IllegalArgumentException("max: expected a number > min (" + min + "), got " + max);
        }
        this.yMin = min;
        this.yMax = max;
        return this;
    }

    /**
     * Colours each run of {@code size} consecutive series (in the order they were added, horizontal
     * lines last) with one palette colour, the first of a run solid, the second dashed, the third
     * dotted: a measured curve and its bound, side by side for several settings. Without it every
     * series keeps its own colour and the style it was added with.
     */
    public LinePlot families(int size) {
        if (size < 1 || size > 3) {
            throw new IllegalArgumentException("size: expected 1, 2 or 3 series per family, got " + size);
        }
        this.familySize = size;
        return this;
    }

    /** The chart's size in pixels, at least 100×100. */
    public LinePlot size(int width, int height) {
        Check.atLeast("width", width, 100);
        Check.atLeast("height", height, 100);
        this.width = width;
        this.height = height;
        return this;
    }

    /** Adds a solid line through the points (x[i], y[i]). */
    public LinePlot series(String name, double[] x, double[] y) {
        return add(name, x, y, Style.SOLID);
    }

    /**
     * Adds a dashed line, for a bound or a reference curve drawn against measured data. XChart
     * restarts the dash at every point, so sample a dashed curve coarsely (tens of points).
     */
    public LinePlot dashed(String name, double[] x, double[] y) {
        return add(name, x, y, Style.DASHED);
    }

    /** Adds points drawn as dots with no line between them: single points, or a curve that lies on another one. */
    public LinePlot dots(String name, double[] x, double[] y) {
        return add(name, x, y, Style.DOTS);
    }

    /**
     * Adds the block means of a noisy per-step series such as a training loss, {@link Grid#blockMeans},
     * each drawn at the last step of its block: x = window, 2·window, …
     */
    public LinePlot smoothed(String name, double[] y, int window) {
        double[] means = Grid.blockMeans(y, window);
        return add(name, Grid.map(Grid.range(1, means.length), i -> i * window), means, Style.SOLID);
    }

    /** A dashed horizontal line at height y across the x range of the other series: a baseline. */
    public LinePlot hline(String name, double y) {
        checkName(name);
        Check.finite("y", y);
        horizontals.add(new Series(name, new double[0], new double[] {y}, Style.DASHED));
        return this;
    }

    private LinePlot add(String name, double[] x, double[] y, Style style) {
        checkName(name);
        Check.vector("y", y, Check.vector("x", x));
        series.add(new Series(name, x.clone(), y.clone(), style));
        return this;
    }

    /** XChart needs every line named, and by a name no other line of the chart has. */
    private void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("name: expected a non-empty series name, got "
                    + (name == null ? "null" : "\"\""));
        }
        for (List<Series> lines : List.of(series, horizontals)) {
            for (Series s : lines) {
                if (s.name().equals(name)) {
                    throw new IllegalArgumentException("name: expected a name no other line has, got \"" + name + "\" again");
                }
            }
        }
    }

    /**
     * Builds the finished chart; refuses a plot with no series, and on a log axis a series holding
     * a value ≤ 0, by name.
     */
    public XYChart build() {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("series: expected at least one series to draw (an hline spans"
                    + " their x range), got none");
        }
        XYChart chart = new XYChart(width, height);
        chart.setTitle(title);
        chart.setXAxisTitle(xLabel);
        chart.setYAxisTitle(yLabel);
        Plots.apply(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendVisible(series.size() + horizontals.size() > 1);
        if (yMin != null) {
            chart.getStyler().setYAxisMin(axis(yMin));
            chart.getStyler().setYAxisMax(axis(yMax));
        }
        for (Series s : series) {
            draw(chart, s.name(), s.x(), s.y(), s.style());
        }
        for (Series h : horizontals) {
            double[] x = xRange();
            draw(chart, h.name(), x, new double[] {h.y()[0], h.y()[0]}, Style.DASHED);
        }
        if (logY) {
            Finish.logAxes(chart);
        } else {
            Finish.linearAxes(chart);
        }
        return familySize == 0 ? chart : Finish.families(chart, familySize);
    }

    private void draw(XYChart chart, String name, double[] x, double[] y, Style style) {
        double[] plotted = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            if (logY && !(y[i] > 0)) {
                throw new IllegalArgumentException("series '" + name
                        + "': expected every value > 0 on a log y axis, got y[" + i + "] = " + y[i]);
            }
            plotted[i] = axis(y[i]);
        }
        XYSeries xy = chart.addSeries(name, x, plotted);
        xy.setMarker(style == Style.DOTS ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        xy.setLineStyle(switch (style) {
            case SOLID -> SeriesLines.SOLID;
            case DASHED -> SeriesLines.DASH_DASH;
            case DOTS -> SeriesLines.NONE;
        });
    }

    private double axis(double y) {
        return logY ? Math.log10(y) : y;
    }

    private double[] xRange() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double x : s.x()) {
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        return new double[] {min, max};
    }
}
