package io.github.rnnkit.plot;

import io.github.rnnkit.util.Check;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The kit's one house style for XChart charts: white background, large readable fonts, a light
 * grid, and the Okabe–Ito palette (distinguishable with the common colour-vision deficiencies)
 * in a fixed order, so a series keeps its colour from lesson to lesson.
 *
 * <p>Start a line chart with {@link #line(String)} and finish it with {@link LinePlot#build()}; a figure
 * with sliders with {@link #movable(String)} and {@link MovablePlot#build()}.
 */
public final class Plots {

    /** Okabe–Ito colours in the order series receive them. */
    public static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000),
    };

    /** Default chart size in pixels: wide enough for two-line titles, small enough for a laptop. */
    public static final int WIDTH = 720;
    public static final int HEIGHT = 420;

    private static final String FONT = Font.SANS_SERIF;

    private Plots() {
    }

    /** A fluent builder for a line chart with the given title. */
    public static LinePlot line(String title) {
        return new LinePlot(title);
    }

    /**
     * A fluent builder for a figure a student can move: line charts over a grid of knob settings, shown
     * as Vega-Lite in JupyterLab and as a PNG of the default setting everywhere else.
     */
    public static MovablePlot movable(String title) {
        return new MovablePlot(title);
    }

    /** An empty XY chart in the house style, for charts the builder does not cover. */
    public static XYChart xyChart(String title, String xLabel, String yLabel) {
        Check.notNull("title", title, "a chart title (\"\" for none)");
        XYChart chart = new XYChart(WIDTH, HEIGHT);
        chart.setTitle(title);
        chart.setXAxisTitle(xLabel);
        chart.setYAxisTitle(yLabel);
        apply(chart.getStyler());
        chart.getStyler().setMarkerSize(0);
        return chart;
    }

    /** Applies the house style to any XChart styler. */
    public static void apply(Styler styler) {
        Check.notNull("styler", styler, "an XChart styler");
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setChartTitleFont(new Font(FONT, Font.BOLD, 18));
        styler.setChartTitleBoxVisible(false);
        styler.setLegendFont(new Font(FONT, Font.PLAIN, 14));
        styler.setLegendBorderColor(Color.LIGHT_GRAY);
        styler.setSeriesColors(PALETTE);
        styler.setAntiAlias(true);
        if (styler instanceof org.knowm.xchart.style.AxesChartStyler axes) {
            axes.setAxisTitleFont(new Font(FONT, Font.PLAIN, 15));
            axes.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 13));
            axes.setPlotGridLinesColor(new Color(0xE6E6E6));
            axes.setPlotGridLinesStroke(new BasicStroke(1f));
            axes.setAxisTickMarksColor(Color.GRAY);
            axes.setLocale(Locale.ENGLISH);
        }
    }

    /**
     * Viridis at five stops, dark to light: a one-sided (sequential) colour map whose lightness
     * rises with the value, readable in grey and with the common colour-vision deficiencies.
     */
    static final Color[] SEQUENTIAL = {new Color(0x440154), new Color(0x3B528B), new Color(0x21918C),
        new Color(0x5EC962), new Color(0xFDE725)};

    /**
     * A heat map of log10 of a matrix's entries, e.g. ‖∂h_t/∂h_k‖ with t down and k across:
     * cell (row i, column j) shows log10(m[i][j]) in a one-sided colour map, dark for small,
     * light for large. The colour bar runs over whole decades, from ⌊min log10⌋ to ⌈max log10⌉,
     * so its two labels are round numbers. Entries ≤ 0 (such as the empty upper triangle of a
     * Jacobian-norm matrix) are left blank.
     */
    public static HeatMapChart log10HeatMap(String title, String columnLabel, String rowLabel, double[][] m) {
        Check.notNull("title", title, "a chart title (\"\" for none)");
        Check.rectangular("m", m);
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT + 60)
                .title(title).xAxisTitle(columnLabel).yAxisTitle(rowLabel).build();
        apply(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setRangeColors(SEQUENTIAL.clone());
        chart.getStyler().setHeatMapValueDecimalPattern("0.0");
        List<Integer> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        List<double[]> entries = new ArrayList<>();
        for (int j = 0; j < m[0].length; j++) {
            xs.add(j);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m.length; i++) {
            ys.add(i);
            for (int j = 0; j < m[i].length; j++) {
                if (m[i][j] > 0) {
                    double v = Math.log10(m[i][j]);
                    entries.add(new double[] {j, i, v});
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("m: expected at least one entry > 0 to show, got none");
        }
        double bottom = Math.floor(min);
        double top = Math.max(Math.ceil(max), bottom + 1);
        List<Number[]> cells = new ArrayList<>();
        for (double[] e : entries) {
            // XChart 3.8.8 reads one colour past its table when (v − bottom)/(top − bottom) rounds to
            // exactly 1 for a v just below top; such a v is drawn as top, which it equals to the last bit
            double shown = (e[2] - bottom) / (top - bottom) >= 1 ? top : e[2];
            cells.add(new Number[] {(int) e[0], (int) e[1], shown});
        }
        chart.getStyler().setMin(bottom);
        chart.getStyler().setMax(top);
        chart.addSeries("log10", xs, ys, cells);
        return chart;
    }
}
