package io.github.rnnkit.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Vega-Lite v5 spec of a movable figure, as a JSON tree ({@link Json}): the data inline, one row
 * per point {x, y, series, knob₁, knob₂, …} over every setting; one parameter per knob bound to its
 * input; a filter per knob keeping the rows of the knob's current position; a line per series in the
 * palette of {@link Plots}, dashed where asked; the house fonts and sizes; a log axis ticked at the
 * powers of ten and labelled as {@code Finish.decadeLabel} labels them.
 */
final class VegaLiteSpec {

    static final String SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

    /** Significant digits a plotted number keeps in the spec: well below a pixel, and a third of the bytes. */
    private static final int DIGITS = 6;

    /** The most decades a log axis labels; more, and it labels every second (third, …) one. */
    private static final int MAX_DECADE_LABELS = 10;

    /** The label of a tick at y = datum.value, in the words of {@code Finish.decadeLabel}: 0.001 … 1000, 1e-4, 1e6. */
    private static final String DECADE_LABEL = "abs(log(datum.value) / LN10) > 3.5 "
            + "? '1e' + round(log(datum.value) / LN10) : format(datum.value, '~g')";

    private VegaLiteSpec() {
    }

    static Map<String, Object> of(FigureData f) {
        Map<String, Object> spec = Json.object(
                "$schema", SCHEMA,
                "description", f.title() + ": a movable figure (" + knobWords(f) + ")",
                "title", f.title(),
                "width", f.width(),
                "height", f.height(),
                "autosize", Json.object("type", "fit", "contains", "padding"),
                "data", Json.object("values", rows(f)),
                "params", params(f),
                "transform", filters(f),
                "mark", mark(f),
                "encoding", encoding(f),
                "config", config());
        return spec;
    }

    private static String knobWords(FigureData f) {
        List<String> words = new ArrayList<>();
        f.knobs().forEach(k -> words.add(k.label));
        return "knobs: " + String.join(", ", words);
    }

    private static List<Object> rows(FigureData f) {
        List<Object> rows = new ArrayList<>();
        for (int s = 0; s < f.settings().size(); s++) {
            Setting setting = f.settings().get(s);
            for (int l = 0; l < f.names().size(); l++) {
                double[] x = f.xs().get(l);
                double[] y = f.ys()[s][l];
                for (int i = 0; i < x.length; i++) {
                    if (Double.isNaN(y[i])) {
                        continue;
                    }
                    Map<String, Object> row = Json.object("x", Json.rounded(x[i], DIGITS),
                            "y", Json.rounded(y[i], DIGITS), "series", f.names().get(l));
                    for (int k = 0; k < f.knobs().size(); k++) {
                        Knob knob = f.knobs().get(k);
                        row.put(knob.id, knob.datum(setting.position(k)));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static List<Object> params(FigureData f) {
        List<Object> params = new ArrayList<>();
        for (Knob k : f.knobs()) {
            Map<String, Object> bind = Json.object("input", k.input.vega);
            if (k.input == Knob.Input.SLIDER) {
                bind.put("min", Json.number(k.min()));
                bind.put("max", Json.number(k.max()));
                bind.put("step", Json.number(k.step()));
            } else {
                List<Object> options = new ArrayList<>();
                List<Object> labels = new ArrayList<>();
                for (int i = 0; i < k.size(); i++) {
                    options.add(k.datum(i));
                    labels.add(k.option(i));
                }
                bind.put("options", options);
                bind.put("labels", labels);
            }
            bind.put("name", k.label + " ");
            params.add(Json.object("name", k.id, "value", k.datum(k.initial), "bind", bind));
        }
        return params;
    }

    /** A numeric knob keeps the rows within half a gap of its value (a slider's value may be rounded); a named one, its option. */
    private static List<Object> filters(FigureData f) {
        List<Object> filters = new ArrayList<>();
        for (Knob k : f.knobs()) {
            String test = k.isNumeric()
                    ? String.format(Locale.ROOT, "abs(datum.%s - %s) < %s", k.id, k.id, Json.rounded(k.tolerance(), DIGITS))
                    : String.format(Locale.ROOT, "datum.%s == %s", k.id, k.id);
            filters.add(Json.object("filter", test));
        }
        return filters;
    }

    private static Map<String, Object> encoding(FigureData f) {
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        boolean whole = true;
        for (double[] x : f.xs()) {
            for (double v : x) {
                xMin = Math.min(xMin, v);
                xMax = Math.max(xMax, v);
                whole &= v == Math.rint(v);
            }
        }
        Map<String, Object> xAxis = Json.object("title", f.xLabel());
        if (whole) {
            xAxis.put("tickMinStep", 1);
        }
        Map<String, Object> x = Json.object("field", "x", "type", "quantitative",
                "scale", Json.object("domain", List.of(Json.rounded(xMin, DIGITS), Json.rounded(xMax, DIGITS)),
                        "nice", false, "zero", false),
                "axis", xAxis);
        Map<String, Object> encoding = Json.object("x", x, "y", yEncoding(f));
        if (f.names().size() > 1) {
            // Nulls are avoided throughout: a kernel's own Gson may drop them, so an empty title says "no title".
            List<Object> names = new ArrayList<>(f.names());
            List<Object> colours = new ArrayList<>();
            List<Object> dashes = new ArrayList<>();
            for (int l = 0; l < names.size(); l++) {
                colours.add(hex(Plots.PALETTE[l % Plots.PALETTE.length]));
                dashes.add(dash(f.dashed().get(l)));
            }
            Map<String, Object> legend = Json.object("title", "", "orient", "right");
            encoding.put("color", Json.object("field", "series", "type", "nominal",
                    "scale", Json.object("domain", names, "range", colours), "legend", legend));
            encoding.put("strokeDash", Json.object("field", "series", "type", "nominal",
                    "scale", Json.object("domain", names, "range", dashes), "legend", legend));
        }
        return encoding;
    }

    /** The mark: a line, clipped to the shared y range; a lone series drawn in the first colour, with no legend. */
    private static Map<String, Object> mark(FigureData f) {
        Map<String, Object> mark = Json.object("type", "line", "clip", true);
        if (f.names().size() == 1) {
            mark.put("color", hex(Plots.PALETTE[0]));
            mark.put("strokeDash", dash(f.dashed().get(0)));
        }
        return mark;
    }

    /** Solid, or the long dashes of {@code Finish.LONG_DASH}. */
    private static List<Object> dash(boolean dashed) {
        return dashed ? List.of(9, 5) : List.of(1, 0);
    }

    private static Map<String, Object> yEncoding(FigureData f) {
        double low = f.yDomain()[0];
        double high = f.yDomain()[1];
        if (!f.logY()) {
            return Json.object("field", "y", "type", "quantitative",
                    "scale", Json.object("domain", List.of(Json.rounded(low, DIGITS), Json.rounded(high, DIGITS)),
                            "nice", false, "zero", false),
                    "axis", Json.object("title", f.yLabel()));
        }
        long first = Math.round(low);
        long last = Math.round(high);
        long every = Math.max(1, (last - first + MAX_DECADE_LABELS - 1) / MAX_DECADE_LABELS);
        List<Object> ticks = new ArrayList<>();
        for (long e = first; e <= last; e += every) {
            ticks.add(Json.number(Math.pow(10, e)));
        }
        return Json.object("field", "y", "type", "quantitative",
                "scale", Json.object("type", "log", "domain", List.of(Json.number(Math.pow(10, first)),
                        Json.number(Math.pow(10, last))), "nice", false),
                "axis", Json.object("title", f.yLabel(), "values", ticks, "labelExpr", DECADE_LABEL));
    }

    /** The fonts, sizes and greys of {@link Plots#apply}. */
    private static Map<String, Object> config() {
        return Json.object(
                "font", "sans-serif",
                "background", "white",
                "view", Json.object("stroke", "transparent"),
                "title", Json.object("fontSize", 18, "fontWeight", "bold"),
                "axis", Json.object("labelFontSize", 13, "titleFontSize", 15, "titleFontWeight", "normal",
                        "gridColor", hex(new Color(0xE6E6E6)), "tickColor", "gray", "domainColor", "gray"),
                "legend", Json.object("labelFontSize", 14, "labelLimit", 320),
                "line", Json.object("strokeWidth", 2));
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%06X", c.getRGB() & 0xFFFFFF);
    }
}
