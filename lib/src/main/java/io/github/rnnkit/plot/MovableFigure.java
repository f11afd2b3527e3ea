package io.github.rnnkit.plot;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A figure a student can move, made by {@link MovablePlot}: its Vega-Lite v5 spec ({@link #spec()},
 * {@link #json()}), which JupyterLab 4 and Notebook 7 draw with a live input per knob, and its default
 * view as an XChart chart ({@link #defaultView()}), which is what nbconvert, the static site, GitHub and
 * kernels without a Vega-Lite renderer show. Show it with {@code Show.movable(figure);}.
 *
 * <p>Immutable: the spec handed out cannot be changed, and every call of {@link #defaultView()} makes a
 * new chart.
 */
public final class MovableFigure {

    /** The MIME type JupyterLab 4 and Notebook 7 render as Vega-Lite 5. */
    public static final String MIME = "application/vnd.vegalite.v5+json";

    /** The largest spec a figure may have, in bytes of UTF-8 JSON (a notebook carries it in every save). */
    public static final int MAX_BYTES = 1_000_000;

    private final FigureData data;
    private final Object spec;
    private final String json;

    MovableFigure(FigureData data, Object spec, String json) {
        this.data = data;
        this.spec = Json.frozen(spec);
        this.json = json;
    }

    /** The Vega-Lite spec as a tree of unmodifiable maps and lists, the form a kernel's display takes. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> spec() {
        return (Map<String, Object>) spec;
    }

    /** The Vega-Lite spec as JSON text. */
    public String json() {
        return json;
    }

    /** The size of {@link #json()} in bytes (UTF-8); at most {@link #MAX_BYTES}. */
    public int bytes() {
        return json.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Settings in the grid: the product of the knobs' positions. */
    public int settings() {
        return data.settings().size();
    }

    /** Points in the spec's data, over every setting and series. */
    public int points() {
        return data.points();
    }

    /** The setting the figure opens at, e.g. "spectral radius ρ = 1, shear s = 0". */
    public String initialSetting() {
        return data.settings().get(data.initial()).toString();
    }

    /**
     * The figure at its initial setting as an XChart chart in the house style, over the same y range as
     * the movable view, its x-axis title saying the setting shown ("k — at spectral radius ρ = 0.9").
     * A new chart on every call.
     */
    public XYChart defaultView() {
        // the setting is written where the movable view has its knobs: under the plot
        String shown = "at " + initialSetting();
        LinePlot plot = Plots.line(data.title())
                .xLabel(data.xLabel().isEmpty() ? shown : data.xLabel() + "   —   " + shown)
                .yLabel(data.yLabel()).size(data.width(), data.height());
        double low = data.yDomain()[0];
        double high = data.yDomain()[1];
        if (data.logY()) {
            plot.logY().yRange(Math.pow(10, low), Math.pow(10, high));
        } else {
            plot.yRange(low, high);
        }
        List<String> drawn = new ArrayList<>();
        for (int l = 0; l < data.names().size(); l++) {
            double[][] points = initialPoints(l);
            if (points[0].length == 0) {
                continue;
            }
            if (data.dashed().get(l)) {
                plot.dashed(data.names().get(l), points[0], points[1]);
            } else {
                plot.series(data.names().get(l), points[0], points[1]);
            }
            drawn.add(data.names().get(l));
        }
        XYChart chart = plot.build();
        // a series keeps the colour and dashes it has in the movable view, even when one before it has no point here
        for (String name : drawn) {
            XYSeries s = chart.getSeriesMap().get(name);
            int l = data.names().indexOf(name);
            s.setLineColor(Plots.PALETTE[l % Plots.PALETTE.length]);
            if (data.dashed().get(l)) {
                s.setLineStyle(Finish.LONG_DASH);
            }
        }
        Finish.linearAxes(chart);
        if (data.logY()) {
            chart.getStyler().setyAxisTickLabelsFormattingFunction(Finish::decadeLabel);
        }
        return chart;
    }

    /** {x, y} of series l at the initial setting, NaN points left out. */
    private double[][] initialPoints(int l) {
        double[] x = data.xs().get(l);
        double[] y = data.ys()[data.initial()][l];
        int n = 0;
        for (double v : y) {
            n += Double.isNaN(v) ? 0 : 1;
        }
        double[][] out = new double[2][n];
        for (int i = 0, j = 0; i < y.length; i++) {
            if (!Double.isNaN(y[i])) {
                out[0][j] = x[i];
                out[1][j++] = y[i];
            }
        }
        return out;
    }

    /** One line for a reader without a notebook: what the figure is, and where to move it. */
    @Override
    public String toString() {
        List<String> knobs = new ArrayList<>();
        data.knobs().forEach(k -> knobs.add(k.label + " (" + k.size() + " positions)"));
        return "[movable figure '" + data.title() + "', knobs " + String.join(", ", knobs) + "; shown at "
                + initialSetting() + ". Open the notebook in JupyterLab 4 or Notebook 7 to move the knobs.]";
    }
}
