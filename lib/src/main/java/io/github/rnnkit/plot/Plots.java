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
     * A heat map of log10 of a matrix's entries, e.g. ‖∂h_t/∂h_k‖ with t down and k across:
     * cell (row i, column j) shows log10(m[i][j]). Entries ≤ 0 (such as the empty upper triangle
     * of a Jacobian-norm matrix) are left blank.
     */
    public static HeatMapChart log10HeatMap(String title, String columnLabel, String rowLabel, double[][] m) {
        Check.notNull("title", title, "a chart title (\"\" for none)");
        Check.rectangular("m", m);
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT + 60)
                .title(title).xAxisTitle(columnLabel).yAxisTitle(rowLabel).build();
        apply(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setRangeColors(new Color[] {new Color(0x08306B), new Color(0x4292C6), new Color(0xF7FBFF),
            new Color(0xFDAE61), new Color(0xB2182B)});
        chart.getStyler().setHeatMapValueDecimalPattern("0.0");
        List<Integer> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        List<Number[]> cells = new ArrayList<>();
        for (int j = 0; j < m[0].length; j++) {
            xs.add(j);
        }
        for (int i = 0; i < m.length; i++) {
            ys.add(i);
            for (int j = 0; j < m[i].length; j++) {
                if (m[i][j] > 0) {
                    cells.add(new Number[] {j, i, Math.round(100 * Math.log10(m[i][j])) / 100.0});
                }
            }
        }
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("m: expected at least one entry > 0 to show, got none");
        }
        double min = cells.stream().mapToDouble(c -> c[2].doubleValue()).min().getAsDouble();
        double max = cells.stream().mapToDouble(c -> c[2].doubleValue()).max().getAsDouble();
        // XChart 3.8.8 indexes past its colour table for a value exactly at the top of the range
        chart.getStyler().setMin(min);
        chart.getStyler().setMax(max + 0.01);
        chart.addSeries("log10", xs, ys, cells);
        return chart;
    }
}
