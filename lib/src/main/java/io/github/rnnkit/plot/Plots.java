package io.github.rnnkit.plot;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

/**
 * The kit's one house style for XChart charts: white background, large readable fonts, a light
 * grid, and the Okabe–Ito palette (distinguishable with the common colour-vision deficiencies)
 * in a fixed order, so a series keeps its colour from lesson to lesson.
 *
 * <p>Start a line chart with {@link #line(String)} and finish it with {@link LinePlot#build()}.
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

    /** An empty XY chart in the house style, for charts the builder does not cover. */
    public static XYChart xyChart(String title, String xLabel, String yLabel) {
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
        }
    }
}
