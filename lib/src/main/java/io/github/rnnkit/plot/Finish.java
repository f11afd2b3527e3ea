package io.github.rnnkit.plot;

import io.github.rnnkit.util.Check;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;

import java.awt.BasicStroke;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Finishing touches for a chart built by {@link LinePlot}, for what XChart 3.8.8 does not get
 * right by itself. {@link LinePlot#build()} and {@link MovableFigure} apply them; lessons never call them
 * (the package's own helpers, since every lesson builds its charts with {@code build()}):
 *
 * <ul>
 *   <li>x values that are equally spaced (steps 1, 2, …, T) get a tick at every n-th data point,
 *       packed until the labels touch ("1113151719"); {@link #linearAxes} and {@link #logAxes}
 *       pad the x range by half a step, which makes XChart choose round steps (1, 2, 5 × 10^e);</li>
 *   <li>on a log axis ({@link LinePlot#logY()}, which plots log10 y) a round step such as 0.5
 *       labels 3.16 and 0.316; {@link #logAxes} widens the y range to whole decades and labels
 *       only the powers of ten;</li>
 *   <li>XChart's own number format can write 0.05 as ".05": {@link #linearAxes} writes tick
 *       labels out plainly;</li>
 *   <li>the top tick label can touch a long title: both leave room under the title;</li>
 *   <li>a measured curve and its bound should share a colour: {@link #families} colours each
 *       run of n consecutive series alike, first solid, then dashed, then dotted.</li>
 * </ul>
 *
 * Each method changes the chart it is given and returns it. Each is idempotent: applied to a chart
 * it has already finished (a built one included), it changes nothing, so
 * {@code Finish.logAxes(plot.build())} is the chart {@code plot.build()} gives.
 */
final class Finish {

    /** Pixels between the title and the plot, enough for half a tick label. */
    private static final int TITLE_PADDING = 14;

    /** Long dashes, 9 px on and 5 off: a bound or reference curve (a movable figure's Vega-Lite view uses the same). */
    static final BasicStroke LONG_DASH =
            new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {9f, 5f}, 0f);

    /** Solid, long dashes, round dots: told apart at a glance, also in print. */
    private static final BasicStroke[] LINES = {
        SeriesLines.SOLID,
        LONG_DASH,
        new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {0.1f, 5f}, 0f),
    };

    private Finish() {
    }

    /** Round x ticks, plain tick labels (0.05, not .05) and room under the title, for a chart with a linear y axis. */
    static XYChart linearAxes(XYChart chart) {
        roundXTicks(chart);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(Finish::plainLabel);
        chart.getStyler().setyAxisTickLabelsFormattingFunction(Finish::plainLabel);
        chart.getStyler().setChartTitlePadding(TITLE_PADDING);
        return chart;
    }

    /**
     * Round x ticks, a y axis ticked and labelled at the powers of ten only, and room under the
     * title, for a chart built with {@link LinePlot#logY()}. The y axis spans the whole decades
     * around the data, unless the chart already has a y range ({@link LinePlot#yRange}, or an
     * earlier finish): that range is kept.
     */
    static XYChart logAxes(XYChart chart) {
        linearAxes(chart);
        if (chart.getStyler().getYAxisMin() == null || chart.getStyler().getYAxisMax() == null) {
            double[] range = range(chart, false);
            double low = Math.floor(range[0]);
            chart.getStyler().setYAxisMin(low);
            chart.getStyler().setYAxisMax(Math.max(Math.ceil(range[1]), low + 1));
        }
        // a blank label off the decades makes XChart widen its step until every label differs,
        // that is until every tick sits on a power of ten
        chart.getStyler().setyAxisTickLabelsFormattingFunction(Finish::decadeLabel);
        return chart;
    }

    /**
     * Colours each run of {@code size} consecutive series (in the order they were added) with one
     * palette colour: the first of a run solid, the second dashed, the third dotted.
     */
    static XYChart families(XYChart chart, int size) {
        Check.notNull("chart", chart, "a chart");
        if (size < 1 || size > LINES.length) {
            throw new IllegalArgumentException("size: expected 1, 2 or 3 series per family, got " + size);
        }
        List<XYSeries> series = new ArrayList<>(chart.getSeriesMap().values());
        for (int i = 0; i < series.size(); i++) {
            XYSeries s = series.get(i);
            s.setLineColor(Plots.PALETTE[(i / size) % Plots.PALETTE.length]);
            s.setLineStyle(LINES[i % size]);
        }
        return chart;
    }

    /** A tick value to six significant digits, without trailing zeros or rounding noise: 0.05, 1.5, 20, -3. */
    static String plainLabel(double v) {
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** The label of log10(y) = v: 0.001 … 1000 written out, 1e-6 and 1e6 further out, nothing off the decades. */
    static String decadeLabel(double v) {
        long e = Math.round(v);
        if (Math.abs(v - e) > 1e-9) {
            return "";
        }
        if (Math.abs(e) >= 4) {
            return "1e" + e;
        }
        return e >= 0 ? String.valueOf((long) Math.pow(10, e)) : "0." + "0".repeat((int) (-e - 1)) + "1";
    }

    /**
     * XChart ticks equally spaced x values at every n-th value, however close their labels; a
     * range reaching half a step beyond the data is no longer equally spaced, so it gets round ticks.
     */
    private static void roundXTicks(XYChart chart) {
        double[] range = range(chart, true);
        double step = smallestStep(chart);
        double pad = step > 0 ? step / 2 : 0.5;
        chart.getStyler().setXAxisMin(range[0] - pad);
        chart.getStyler().setXAxisMax(range[1] + pad);
    }

    /** The smallest gap between two distinct x values of any series (0 if there is none). */
    private static double smallestStep(XYChart chart) {
        double step = 0;
        for (XYSeries s : chart.getSeriesMap().values()) {
            double[] x = s.getXData();
            for (int i = 1; i < x.length; i++) {
                double gap = Math.abs(x[i] - x[i - 1]);
                if (gap > 0 && (step == 0 || gap < step)) {
                    step = gap;
                }
            }
        }
        return step;
    }

    /** {min, max} of every series' x (or y) values. */
    private static double[] range(XYChart chart, boolean x) {
        Check.notNull("chart", chart, "a chart");
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (XYSeries s : chart.getSeriesMap().values()) {
            for (double v : x ? s.getXData() : s.getYData()) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min > max) {
            throw new IllegalArgumentException("chart: expected at least one series with a finite value, got none");
        }
        return new double[] {min, max};
    }
}
