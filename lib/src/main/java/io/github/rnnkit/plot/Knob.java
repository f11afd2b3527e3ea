package io.github.rnnkit.plot;

import io.github.rnnkit.util.Check;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One knob of a movable figure: the name the Vega-Lite spec and its expressions use ({@code id}),
 * the label a student reads beside the input, the input (a slider, radio buttons or a dropdown),
 * the positions it can take and the one it starts at.
 *
 * <p>A numeric knob takes values v_0 … v_{n−1}; a slider needs them equally spaced, v_i = v_0 + i·s,
 * since a browser's range input can only stop there. A knob of named options (an activation, say)
 * takes strings. Values are kept to 12 significant digits, so a grid built as 0.1·i is written
 * 0.3 and not 0.30000000000000004.
 */
final class Knob {

    /** The HTML input a knob is bound to, by its name in Vega-Lite. */
    enum Input {
        SLIDER("range"), RADIO("radio"), DROPDOWN("select");

        final String vega;

        Input(String vega) {
            this.vega = vega;
        }
    }

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * Names an id cannot take: the data's own fields, Vega's built-in signals and constants, and the
     * functions the figure's expressions call.
     */
    private static final Set<String> RESERVED = new HashSet<>(List.of(
            "x", "y", "series", "width", "height", "padding", "autosize", "background", "cursor", "datum",
            "event", "item", "parent", "abs", "log", "round", "format", "NaN", "E", "LN2", "LN10", "LOG2E",
            "LOG10E", "PI", "SQRT1_2", "SQRT2", "MIN_VALUE", "MAX_VALUE"));

    /** Two values closer than this, relative to their size, count as the same. */
    private static final double SAME = 1e-9;

    final String id;
    final String label;
    final Input input;
    private final double[] values;   // null for a knob of named options
    private final String[] options;  // what the student reads for each position
    final int initial;

    private Knob(String id, String label, Input input, double[] values, String[] options, int initial) {
        this.id = id;
        this.label = label;
        this.input = input;
        this.values = values;
        this.options = options;
        this.initial = initial;
    }

    /** A knob over numbers; a slider's values must be equally spaced and increasing. */
    static Knob numeric(String id, String label, Input input, double[] values, double initial) {
        checkId(id);
        Check.vector("values", values);
        if (values.length < 2) {
            throw new IllegalArgumentException("values: expected at least 2 positions for knob '" + id
                    + "', got " + values.length);
        }
        double[] kept = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            kept[i] = new BigDecimal(values[i]).round(new MathContext(12)).doubleValue();
        }
        if (input == Input.SLIDER) {
            checkEquallySpaced(id, kept);
        } else {
            checkDistinct(id, kept);
        }
        Check.finite("initial", initial);
        int at = -1;
        for (int i = 0; i < kept.length && at < 0; i++) {
            if (same(kept[i], initial)) {
                at = i;
            }
        }
        if (at < 0) {
            throw new IllegalArgumentException("initial: expected one of knob '" + id + "''s values "
                    + Arrays.toString(kept) + ", got " + initial);
        }
        String[] shown = new String[kept.length];
        for (int i = 0; i < kept.length; i++) {
            shown[i] = Finish.plainLabel(kept[i]);
        }
        return new Knob(id, labelOrId(label, id), input, kept, shown, at);
    }

    /** A knob over named options, shown as radio buttons or a dropdown. */
    static Knob named(String id, String label, Input input, String[] options, String initial) {
        checkId(id);
        if (options == null || options.length < 2) {
            throw new IllegalArgumentException("options: expected at least 2 options for knob '" + id + "', got "
                    + (options == null ? "null" : options.length));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < options.length; i++) {
            if (options[i] == null || !seen.add(options[i])) {
                throw new IllegalArgumentException("options[" + i + "]: expected an option no other has, got "
                        + (options[i] == null ? "null" : "\"" + options[i] + "\" again"));
            }
        }
        int at = Arrays.asList(options).indexOf(initial);
        if (at < 0) {
            throw new IllegalArgumentException("initial: expected one of knob '" + id + "''s options "
                    + Arrays.toString(options) + ", got " + (initial == null ? "null" : "\"" + initial + "\""));
        }
        return new Knob(id, labelOrId(label, id), input, null, options.clone(), at);
    }

    int size() {
        return options.length;
    }

    boolean isNumeric() {
        return values != null;
    }

    /** The value at position i of a numeric knob. */
    double value(int i) {
        return values[i];
    }

    /** What the student reads for position i: the option, or the value written plainly. */
    String option(int i) {
        return options[i];
    }

    /** Position i as the data and the parameter carry it: a number, or the option's name. */
    Object datum(int i) {
        return isNumeric() ? Json.number(values[i]) : options[i];
    }

    double min() {
        return values[0];
    }

    double max() {
        return values[values.length - 1];
    }

    /** A slider's step: the gap between neighbouring values. */
    double step() {
        return new BigDecimal((max() - min()) / (values.length - 1)).round(new MathContext(12)).doubleValue();
    }

    /**
     * Half the smallest gap between two values: a parameter and a datum closer than this are the same
     * position, however the browser rounded the slider's value.
     */
    double tolerance() {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double gap = Double.POSITIVE_INFINITY;
        for (int i = 1; i < sorted.length; i++) {
            gap = Math.min(gap, sorted[i] - sorted[i - 1]);
        }
        return gap / 2;
    }

    private static void checkId(String id) {
        if (id == null || !IDENTIFIER.matcher(id).matches() || RESERVED.contains(id)) {
            throw new IllegalArgumentException("id: expected a short ASCII name such as rho (letters, digits, _; "
                    + "not " + String.join(", ", List.of("x", "y", "series", "width", "height")) + " …), got "
                    + (id == null ? "null" : "\"" + id + "\""));
        }
    }

    private static void checkEquallySpaced(String id, double[] v) {
        double step = (v[v.length - 1] - v[0]) / (v.length - 1);
        boolean spaced = step > 0;
        for (int i = 0; i < v.length && spaced; i++) {
            spaced = same(v[i], v[0] + i * step);
        }
        if (!spaced) {
            throw new IllegalArgumentException("values: expected equally spaced, increasing values for the "
                    + "slider '" + id + "' (else use radio or dropdown), got " + Arrays.toString(v));
        }
    }

    private static void checkDistinct(String id, double[] v) {
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < i; j++) {
                if (same(v[i], v[j])) {
                    throw new IllegalArgumentException("values[" + i + "]: expected a value no other position of "
                            + "knob '" + id + "' has, got " + v[i] + " again");
                }
            }
        }
    }

    private static boolean same(double a, double b) {
        return Math.abs(a - b) <= SAME * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    private static String labelOrId(String label, String id) {
        return label == null || label.isBlank() ? id : label;
    }
}
