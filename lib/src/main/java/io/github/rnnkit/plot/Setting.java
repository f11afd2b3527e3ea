package io.github.rnnkit.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * One position of every knob of a movable figure: what a series function of {@link MovablePlot} is
 * asked to draw. {@link #value(String)} reads a numeric knob, {@link #choice(String)} a knob of named
 * options (or a numeric knob's value as written).
 *
 * <pre>{@code
 * .series("‖W^k‖", ks, s -> powerNorms(s.value("rho"), s.value("shear"), ks))
 * }</pre>
 */
public final class Setting {

    private final List<Knob> knobs;
    private final int[] at;

    Setting(List<Knob> knobs, int[] at) {
        this.knobs = List.copyOf(knobs);
        this.at = at.clone();
    }

    /** The value of the numeric knob named {@code id} at this setting. */
    public double value(String id) {
        Knob k = knob(id);
        if (!k.isNumeric()) {
            throw new IllegalArgumentException("id: expected a numeric knob (knob '" + id + "' has named options: "
                    + "read it with choice), got '" + id + "'");
        }
        return k.value(at[knobs.indexOf(k)]);
    }

    /** The option of the knob named {@code id} at this setting: its name, or a numeric knob's value as written. */
    public String choice(String id) {
        Knob k = knob(id);
        return k.option(at[knobs.indexOf(k)]);
    }

    /** Position of the i-th knob (in the order the knobs were added). */
    int position(int i) {
        return at[i];
    }

    private Knob knob(String id) {
        for (Knob k : knobs) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        List<String> ids = new ArrayList<>();
        knobs.forEach(k -> ids.add(k.id));
        throw new IllegalArgumentException("id: expected one of the figure's knobs " + ids + ", got "
                + (id == null ? "null" : "'" + id + "'"));
    }

    /** "label = option, …" for every knob, e.g. "spectral radius ρ = 0.9, shear s = 2". */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < knobs.size(); i++) {
            parts.add(knobs.get(i).label + " = " + knobs.get(i).option(at[i]));
        }
        return String.join(", ", parts);
    }
}
