package io.github.rnnkit.plot;

import io.github.rnnkit.notebook.Show;
import io.github.rnnkit.testing.BadInput;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

class MovableBadInputTest {

    private static final double[] X = {1, 2, 3};
    private static final double[] R = {0.5, 1, 1.5};

    private static MovablePlot plot() {
        return Plots.movable("t");
    }

    private static MovablePlot withKnob() {
        return plot().slider("r", "ρ", R, 1);
    }

    @TestFactory
    Stream<DynamicTest> everyPublicMethodRejectsBadInput() {
        return BadInput.table()
                .row("MovablePlot.slider", "an id with a space", "id",
                        () -> plot().slider("spectral radius", "ρ", R, 1), "ASCII name", "\"spectral radius\"")
                .row("MovablePlot.slider", "an id the data uses", "id",
                        () -> plot().slider("y", "ρ", R, 1), "\"y\"")
                .row("MovablePlot.slider", "an id Vega reserves", "id",
                        () -> plot().slider("width", "w", R, 1), "\"width\"")
                .row("MovablePlot.slider", "a null id", "id",
                        () -> plot().slider(null, "ρ", R, 1), "null")
                .row("MovablePlot.slider", "an id another knob has", "id",
                        () -> withKnob().radio("r", "again", R, 1), "\"r\" again")
                .row("MovablePlot.slider", "unequally spaced values", "values",
                        () -> plot().slider("r", "ρ", new double[] {0.5, 1, 2}, 1), "equally spaced", "radio", "[0.5, 1.0, 2.0]")
                .row("MovablePlot.slider", "decreasing values", "values",
                        () -> plot().slider("r", "ρ", new double[] {2, 1, 0}, 1), "increasing", "[2.0, 1.0, 0.0]")
                .row("MovablePlot.slider", "one value", "values",
                        () -> plot().slider("r", "ρ", new double[] {1}, 1), "at least 2", "1")
                .row("MovablePlot.slider", "a NaN value", "values[1]",
                        () -> plot().slider("r", "ρ", new double[] {1, Double.NaN}, 1), "finite", "NaN")
                .row("MovablePlot.slider", "an initial value that is not a position", "initial",
                        () -> plot().slider("r", "ρ", R, 0.7), "one of", "[0.5, 1.0, 1.5]", "0.7")
                .row("MovablePlot.radio", "a value twice", "values[2]",
                        () -> plot().radio("r", "ρ", new double[] {1, 2, 1}, 1), "no other", "1.0 again")
                .row("MovablePlot.dropdown", "an option twice", "options[1]",
                        () -> plot().dropdown("f", "f", new String[] {"tanh", "tanh"}, "tanh"), "no other", "\"tanh\" again")
                .row("MovablePlot.dropdown", "a null option list", "options",
                        () -> plot().dropdown("f", "f", (String[]) null, "tanh"), "at least 2", "null")
                .row("MovablePlot.dropdown", "an initial option that is not there", "initial",
                        () -> plot().dropdown("f", "f", new String[] {"tanh", "relu"}, "elu"), "one of", "\"elu\"")
                .row("MovablePlot.series", "an empty name", "name",
                        () -> withKnob().series("", X, s -> X), "non-empty", "\"\"")
                .row("MovablePlot.series", "a name another series has", "name",
                        () -> withKnob().series("s", X, s -> X).dashed("s", X, s -> X), "\"s\" again")
                .row("MovablePlot.series", "no x values", "x",
                        () -> withKnob().series("s", new double[0], s -> X), "non-empty", "length 0")
                .row("MovablePlot.series", "a null function", "y",
                        () -> withKnob().series("s", X, null), "function", "null")
                .row("MovablePlot.yRange", "an empty range", "max",
                        () -> plot().yRange(1, 1), "> min (1.0)", "1.0")
                .row("MovablePlot.size", "a width under 100 pixels", "width",
                        () -> plot().size(50, 400), ">= 100", "50")
                .row("MovablePlot.build", "no knob", "knobs",
                        () -> plot().series("s", X, s -> X).build(), "slider", "none")
                .row("MovablePlot.build", "no series", "series",
                        () -> withKnob().build(), "at least one series", "none")
                .row("MovablePlot.build", "a series of the wrong length", "y",
                        () -> withKnob().series("s", X, s -> new double[2]).build(), "3 values", "ρ = 0.5", "2")
                .row("MovablePlot.build", "an infinite value", "y[1]",
                        () -> withKnob().series("s", X, s -> new double[] {1, s.value("r") > 1 ? Double.POSITIVE_INFINITY : 1, 1})
                                .build(), "finite value or NaN", "ρ = 1.5", "Infinity")
                .row("MovablePlot.build", "a zero on a log axis", "y[0]",
                        () -> withKnob().logY().series("s", X, s -> new double[] {0, 1, 1}).build(), "> 0", "0.0")
                .row("MovablePlot.build", "only NaN at the initial setting", "series",
                        () -> withKnob().series("s", X, s -> s.value("r") == 1 ? new double[] {Double.NaN, Double.NaN, Double.NaN} : X)
                                .build(), "initial setting", "only NaN")
                .row("Setting.value", "a knob the figure does not have", "id",
                        () -> withKnob().series("s", X, s -> new double[] {s.value("rho"), 1, 1}).build(), "[r]", "'rho'")
                .row("Setting.value", "a knob of named options", "id",
                        () -> plot().radio("f", "f", new String[] {"a", "b"}, "a")
                                .series("s", X, s -> new double[] {s.value("f"), 1, 1}).build(), "numeric knob", "'f'")
                .row("Show.movable", "null", "figure",
                        () -> Show.movable(null), "MovableFigure", "null")
                .tests();
    }
}
