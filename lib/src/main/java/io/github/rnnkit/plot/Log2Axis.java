package io.github.rnnkit.plot;

import io.github.rnnkit.util.Check;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * An x axis for sizes that double, H = 4, 8, …, 128: the chart plots x = log₂ H, so equal ratios get
 * equal room, and this labels the ticks with H itself at the whole powers of two only. Call it on
 * the built chart, as it replaces the x range and the x labels:
 *
 * <pre>{@code
 * double[] x = Grid.map(widths, h -> Math.log(h) / Math.log(2));
 * Show.chart(Log2Axis.x(Plots.line("…").series("gain", x, y).logY().build()));
 * }</pre>
 *
 * XChart picks ticks by trying ever wider steps until no two labels are alike; a blank label off
 * the powers of two and an axis from one whole power to another leave it only whole steps.
 */
public final class Log2Axis {

    private Log2Axis() {
    }

    /** The x axis from the whole power of two at or below the smallest x to the one at or above the largest. */
    public static XYChart x(XYChart chart) {
        Check.notNull("chart", chart, "a chart whose x values are log₂ of sizes");
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (XYSeries s : chart.getSeriesMap().values()) {
            for (double v : s.getXData()) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min > max) {
            throw new IllegalArgumentException("chart: expected at least one series with a finite x, got none");
        }
        chart.getStyler().setXAxisMin(Math.floor(min));
        chart.getStyler().setXAxisMax(Math.max(Math.ceil(max), Math.floor(min) + 1));
        chart.getStyler().setxAxisTickLabelsFormattingFunction(Log2Axis::label);
        return chart;
    }

    /** The label at x = log₂ H: H written out at a whole power of two, nothing elsewhere. */
    static String label(double x) {
        long e = Math.round(x);
        if (Math.abs(x - e) > 1e-9) {
            return "";
        }
        return e >= 0 && e < 63 ? String.valueOf(1L << e) : String.format("%.3g", Math.pow(2, e));
    }
}
