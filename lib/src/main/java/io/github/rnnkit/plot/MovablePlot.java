package io.github.rnnkit.plot;

import io.github.rnnkit.util.Check;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A fluent builder of a figure a student can move: line charts over a grid of knob settings,
 * computed here in Java, with a slider, radio buttons or a dropdown per knob that picks the setting
 * shown. It becomes a Vega-Lite v5 spec (drawn by JupyterLab 4 and Notebook 7 themselves) and, for
 * everywhere else, an XChart of the default setting in the house style of {@link Plots}:
 *
 * <pre>{@code
 * MovableFigure f = Plots.movable("‖W^k‖ against k").xLabel("k").yLabel("‖W^k‖").logY()
 *         .slider("rho", "spectral radius ρ", Grid.linspace(0.8, 1.2, 5), 1.0)
 *         .slider("shear", "shear s", new double[] {0, 1, 2, 4}, 0)
 *         .series("‖W^k‖", ks, s -> powerNorms(s.value("rho"), s.value("shear")))
 *         .build();
 * Show.movable(f);
 * }</pre>
 *
 * Every series is asked for its y values at every setting (the product of the knobs' positions), so
 * keep the grid small: the spec must stay under {@link MovableFigure#MAX_BYTES}. A y value of NaN
 * means "no point here" (the line joins its neighbours); ±∞ is refused, as is a value ≤ 0 on a log
 * axis. Both views share one y range, the range over every setting, so moving a knob moves the
 * curve and not the axis.
 */
public final class MovablePlot {

    /** A series: its name, its x values, and its y values as a function of the setting. */
    private record Line(String name, double[] x, Function<Setting, double[]> y, boolean dashed) {
    }

    private final String title;
    private String xLabel = "";
    private String yLabel = "";
    private boolean logY;
    private double[] yRange;
    private int width = Plots.WIDTH;
    private int height = Plots.HEIGHT;
    private final List<Knob> knobs = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();

    MovablePlot(String title) {
        this.title = title == null ? "" : title;
    }

    public MovablePlot xLabel(String label) {
        this.xLabel = label == null ? "" : label;
        return this;
    }

    public MovablePlot yLabel(String label) {
        this.yLabel = label == null ? "" : label;
        return this;
    }

    /** A base-10 log y axis, ticked at the powers of ten: every y value must then be > 0 (or NaN). */
    public MovablePlot logY() {
        this.logY = true;
        return this;
    }

    /** Fixes the y range instead of spanning every setting's values (on a log axis: widened to whole decades). */
    public MovablePlot yRange(double min, double max) {
        Check.finite("min", min);
        Check.finite("max", max);
        if (!(min < max)) {
            throw new IllegalArgumentException("max: expected a number > min (" + min + "), got " + max);
        }
        this.yRange = new double[] {min, max};
        return this;
    }

    /** The picture's size in pixels, at least 100×100 (the knobs sit below it in JupyterLab). */
    public MovablePlot size(int width, int height) {
        Check.atLeast("width", width, 100);
        Check.atLeast("height", height, 100);
        this.width = width;
        this.height = height;
        return this;
    }

    /**
     * A slider over equally spaced, increasing {@code values}, starting at {@code initial}. {@code id} is
     * the knob's name in the spec and in {@link Setting#value(String)} (letters, digits, _: "rho");
     * {@code label} is what the student reads beside it ("spectral radius ρ").
     */
    public MovablePlot slider(String id, String label, double[] values, double initial) {
        return knob(Knob.numeric(id, label, Knob.Input.SLIDER, values, initial));
    }

    /** Radio buttons over a few numbers, in any order and spacing. */
    public MovablePlot radio(String id, String label, double[] values, double initial) {
        return knob(Knob.numeric(id, label, Knob.Input.RADIO, values, initial));
    }

    /** Radio buttons over named options (read with {@link Setting#choice(String)}). */
    public MovablePlot radio(String id, String label, String[] options, String initial) {
        return knob(Knob.named(id, label, Knob.Input.RADIO, options, initial));
    }

    /** A dropdown over numbers, in any order and spacing. */
    public MovablePlot dropdown(String id, String label, double[] values, double initial) {
        return knob(Knob.numeric(id, label, Knob.Input.DROPDOWN, values, initial));
    }

    /** A dropdown over named options (read with {@link Setting#choice(String)}), e.g. activations. */
    public MovablePlot dropdown(String id, String label, String[] options, String initial) {
        return knob(Knob.named(id, label, Knob.Input.DROPDOWN, options, initial));
    }

    /** A solid line through (x[i], y(setting)[i]) at every setting. */
    public MovablePlot series(String name, double[] x, Function<Setting, double[]> y) {
        return line(name, x, y, false);
    }

    /** A dashed line, for a bound or a reference curve drawn against measured data. */
    public MovablePlot dashed(String name, double[] x, Function<Setting, double[]> y) {
        return line(name, x, y, true);
    }

    private MovablePlot knob(Knob k) {
        for (Knob other : knobs) {
            if (other.id.equals(k.id)) {
                throw new IllegalArgumentException("id: expected a name no other knob has, got \"" + k.id + "\" again");
            }
        }
        knobs.add(k);
        return this;
    }

    private MovablePlot line(String name, double[] x, Function<Setting, double[]> y, boolean dashed) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("name: expected a non-empty series name, got "
                    + (name == null ? "null" : "\"\""));
        }
        for (Line other : lines) {
            if (other.name().equals(name)) {
                throw new IllegalArgumentException("name: expected a name no other series has, got \"" + name + "\" again");
            }
        }
        Check.vector("x", x);
        Check.notNull("y", y, "a function from a Setting to the y values");
        lines.add(new Line(name, x.clone(), y, dashed));
        return this;
    }

    /**
     * Asks every series for its values at every setting and builds the figure. Refuses a figure with no
     * knob or no series, a series whose values do not fit, and a spec over {@link MovableFigure#MAX_BYTES}.
     */
    public MovableFigure build() {
        if (knobs.isEmpty()) {
            throw new IllegalArgumentException("knobs: expected at least one slider, radio or dropdown, got none");
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("series: expected at least one series, got none");
        }
        List<Setting> settings = settings();
        double[][][] ys = new double[settings.size()][lines.size()][];
        for (int s = 0; s < settings.size(); s++) {
            for (int l = 0; l < lines.size(); l++) {
                ys[s][l] = evaluate(lines.get(l), settings.get(s));
            }
        }
        FigureData data = new FigureData(title, xLabel, yLabel, logY, width, height, List.copyOf(knobs),
                lines.stream().map(Line::name).toList(), lines.stream().map(Line::dashed).toList(),
                lines.stream().map(Line::x).toList(), settings, ys, initialSetting(), yDomain(ys));
        if (data.initialPoints() == 0) {
            throw new IllegalArgumentException("series: expected a point to draw at the initial setting ("
                    + settings.get(data.initial()) + "), got only NaN");
        }
        Object spec = VegaLiteSpec.of(data);
        String json = Json.write(spec);
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MovableFigure.MAX_BYTES) {
            throw new IllegalArgumentException("knobs: expected a grid whose spec stays under "
                    + MovableFigure.MAX_BYTES + " bytes, got " + bytes + " bytes for " + settings.size()
                    + " settings: use fewer knob positions or fewer points per series");
        }
        return new MovableFigure(data, spec, json);
    }

    /** Every combination of knob positions, the first knob changing slowest. */
    private List<Setting> settings() {
        List<Setting> all = new ArrayList<>();
        int[] at = new int[knobs.size()];
        while (true) {
            all.add(new Setting(knobs, at));
            int k = knobs.size() - 1;
            while (k >= 0 && ++at[k] == knobs.get(k).size()) {
                at[k] = 0;
                k--;
            }
            if (k < 0) {
                return all;
            }
        }
    }

    /** The index in {@link #settings()} of the setting with every knob at its initial position. */
    private int initialSetting() {
        int index = 0;
        for (Knob k : knobs) {
            index = index * k.size() + k.initial;
        }
        return index;
    }

    private double[] evaluate(Line line, Setting setting) {
        double[] y = line.y().apply(setting);
        String where = "series '" + line.name() + "' at " + setting;
        if (y == null || y.length != line.x().length) {
            throw new IllegalArgumentException("y: expected " + line.x().length + " values (one per x) from " + where
                    + ", got " + (y == null ? "null" : y.length));
        }
        for (int i = 0; i < y.length; i++) {
            if (Double.isInfinite(y[i]) || (logY && y[i] <= 0)) {
                throw new IllegalArgumentException("y[" + i + "]: expected a " + (logY ? "value > 0 (a log axis)" : "finite value")
                        + " or NaN for no point, from " + where + ", got " + y[i]);
            }
        }
        return y.clone();
    }

    /** The y range both views share: the one asked for, or the span of every setting's values; on a log axis whole decades. */
    private double[] yDomain(double[][][] ys) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        if (yRange != null) {
            low = yRange[0];
            high = yRange[1];
        } else {
            for (double[][] setting : ys) {
                for (double[] y : setting) {
                    for (double v : y) {
                        if (!Double.isNaN(v)) {
                            low = Math.min(low, v);
                            high = Math.max(high, v);
                        }
                    }
                }
            }
        }
        if (logY) {
            if (!(low > 0)) {
                throw new IllegalArgumentException("min: expected a y range above 0 for a log axis, got " + low);
            }
            double lowDecade = Math.floor(Math.log10(low));
            return new double[] {lowDecade, Math.max(Math.ceil(Math.log10(high)), lowDecade + 1)};
        }
        if (low == high) {
            double pad = low == 0 ? 1 : Math.abs(low) / 10;
            return new double[] {low - pad, high + pad};
        }
        return new double[] {low, high};
    }
}
