package io.github.rnnkit.plot;

import io.github.rnnkit.util.Check;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

/**
 * An RNN unrolled over T steps, drawn as a graph, with the T paths by which W reaches the last loss
 * L_T. Nodes: x_t below h_t, h_0 … h_T in a row, L_T above h_T; arrows x_t → h_t, h_{t−1} → h_t
 * (where W acts) and h_T → L_T. The path through h_k starts where W acts at step k and carries the
 * gradient back from L_T through the Jacobians in between:
 *
 * <pre>
 *   ∂L_T/∂W = Σ_{k=1}^{T} ( f'(z_k) ⊙ (J_T ⋯ J_{k+1})ᵀ ∂L_T/∂h_T ) h_{k−1}ᵀ        (one term per path)
 * </pre>
 *
 * Each path has its own colour, and its own height above the row of states so that no two overlap;
 * the legend names the Jacobians it passes through.
 */
public final class UnrolledGraph {

    /** The longest graph whose labels still fit: one-digit subscripts. */
    public static final int MAX_STEPS = 9;

    private static final Color GREY = new Color(0x555555);
    private static final String SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉";
    private static final double SPACING = 2;
    /** Length of an arrowhead's strokes, in x units. */
    private static final double HEAD = 0.17;
    /** The chart's shape: one y unit is drawn about this many times as tall as one x unit. */
    private static final double Y_PIXELS_PER_X_PIXEL = 0.62;

    private UnrolledGraph() {
    }

    /** The graph of T = {@code steps} steps with the paths to ∂L_T/∂W, newest path (through h_T) first in the legend. */
    public static XYChart pathsToLastLoss(int steps) {
        Check.atLeast("steps", steps, 1);
        if (steps > MAX_STEPS) {
            throw new IllegalArgumentException("steps: expected at most " + MAX_STEPS + " (one-digit labels), got " + steps);
        }
        XYChart chart = new XYChart(Plots.WIDTH, 330 + 40 * steps);
        chart.setTitle("The paths by which W reaches L" + sub(steps));
        Plots.apply(chart.getStyler());
        chart.getStyler().setAxisTicksVisible(false).setAxisTitlesVisible(false).setPlotGridLinesVisible(false)
                .setAxisTicksLineVisible(false).setPlotBorderVisible(false);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        chart.getStyler().setXAxisMin(-1.0).setXAxisMax(SPACING * steps + 1.0).setYAxisMin(-2.0).setYAxisMax(2.6);
        chart.getStyler().setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 17));
        chart.getStyler().setAnnotationTextFontColor(Color.BLACK);
        chart.getStyler().setMarkerSize(34);
        for (int t = 1; t <= steps; t++) {
            arrow(chart, "x→h " + t, x(t), -1.3 + 0.3, x(t), -0.3, GREY);
            arrow(chart, "h→h " + t, x(t - 1) + 0.3, 0, x(t) - 0.3, 0, GREY);
            label(chart, "W", (x(t - 1) + x(t)) / 2, -0.4);
        }
        arrow(chart, "h→L", x(steps), 0.3, x(steps), 2.0 - 0.3, GREY);
        for (int k = steps; k >= 1; k--) {
            path(chart, steps, k);
        }
        for (int t = 1; t <= steps; t++) {
            node(chart, "x" + sub(t), x(t), -1.3);
        }
        for (int t = 0; t <= steps; t++) {
            node(chart, "h" + sub(t), x(t), 0);
        }
        node(chart, "L" + sub(steps), x(steps), 2.0);
        return chart;
    }

    /**
     * The path through h_k: from W at step k along the row of states (on its own track, a little
     * above it) through h_k … h_T, then up to the right of the arrow h_T → L_T and into L_T.
     */
    private static void path(XYChart chart, int steps, int k) {
        Color colour = Plots.PALETTE[(steps - k) % Plots.PALETTE.length];
        double track = 0.16 + 0.16 * (steps - k);
        double start = (x(k - 1) + x(k)) / 2;
        double up = x(steps) + 0.45 + 0.22 * (steps - k);
        double arrive = 2.0 + 0.14 * ((steps - k) - (steps - 1) / 2.0);
        StringBuilder through = new StringBuilder();
        for (int t = steps; t > k; t--) {
            through.append(through.length() == 0 ? "" : " ").append("J").append(sub(t));
        }
        String name = "through h" + sub(k) + ": W at step " + k + (through.length() == 0 ? ", no Jacobian" : ", then " + through);
        double end = x(steps) + 0.3;
        XYSeries s = chart.addSeries(name, new double[] {start, start, up, up, end},
                new double[] {-0.12, track, track, arrive, arrive});
        s.setLineColor(colour);
        s.setLineStyle(new BasicStroke(2.5f));
        s.setMarker(SeriesMarkers.NONE);
        head(chart, name + " head", end, arrive, -1, 0, colour);
    }

    private static void arrow(XYChart chart, String name, double x0, double y0, double x1, double y1, Color colour) {
        XYSeries s = chart.addSeries(name, new double[] {x0, x1}, new double[] {y0, y1});
        s.setLineColor(colour);
        s.setLineStyle(SeriesLines.SOLID);
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
        head(chart, name + " head", x1, y1, x1 - x0, y1 - y0, colour);
    }

    /**
     * Two strokes of an arrowhead at (x, y), pointing along (dx, dy): the direction is turned by
     * ±150° in pixels, where one unit of y is {@link #Y_PIXELS_PER_X_PIXEL} times as tall as one of x.
     */
    private static void head(XYChart chart, String name, double x, double y, double dx, double dy, Color colour) {
        double px = dx;
        double py = dy * Y_PIXELS_PER_X_PIXEL;
        double len = Math.hypot(px, py);
        double[] xs = {0, x, 0};
        double[] ys = {0, y, 0};
        for (int i = 0; i <= 2; i += 2) {
            double angle = Math.toRadians(i == 0 ? 150 : -150);
            double rx = (px * Math.cos(angle) - py * Math.sin(angle)) / len;
            double ry = (px * Math.sin(angle) + py * Math.cos(angle)) / len;
            xs[i] = x + HEAD * rx;
            ys[i] = y + HEAD * ry / Y_PIXELS_PER_X_PIXEL;
        }
        XYSeries s = chart.addSeries(name, xs, ys);
        s.setLineColor(colour);
        s.setLineStyle(new BasicStroke(2f));
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
    }

    private static void node(XYChart chart, String text, double x, double y) {
        XYSeries s = chart.addSeries("node " + text, new double[] {x}, new double[] {y});
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(new Color(0xEEEEEE));
        s.setLineStyle(SeriesLines.NONE);
        s.setShowInLegend(false);
        label(chart, text, x, y);
    }

    private static void label(XYChart chart, String text, double x, double y) {
        chart.addAnnotation(new AnnotationText(text, x, y, false));
    }

    private static double x(int t) {
        return SPACING * t;
    }

    private static String sub(int t) {
        return String.valueOf(SUBSCRIPTS.charAt(t));
    }
}
