package io.github.rnnkit.plot;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.rnnkit.util.Grid;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The spec and the default view of a movable figure, read back from the JSON text a notebook carries. */
class MovablePlotTest {

    private static final double[] K = {1, 2, 3, 4};

    /** y = a·k + b at knobs a ∈ {1, 2, 3} (slider) and b ∈ {0, 10} (radio): every value says where it came from. */
    private static MovablePlot affine() {
        return Plots.movable("affine").xLabel("k").yLabel("y")
                .slider("a", "slope a", new double[] {1, 2, 3}, 2)
                .radio("b", "offset b", new double[] {10, 0}, 0)
                .series("a·k + b", K, s -> Grid.map(K, k -> s.value("a") * k + s.value("b")));
    }

    private static JsonObject json(MovableFigure f) {
        return JsonParser.parseString(f.json()).getAsJsonObject();
    }

    private static List<JsonObject> rows(JsonObject spec) {
        List<JsonObject> rows = new ArrayList<>();
        spec.getAsJsonObject("data").getAsJsonArray("values").forEach(r -> rows.add(r.getAsJsonObject()));
        return rows;
    }

    @Test
    void theDataHoldsOneRowPerPointAndSettingCarryingTheKnobsPositions() {
        List<JsonObject> rows = rows(json(affine().build()));
        assertEquals(3 * 2 * K.length, rows.size());
        for (JsonObject row : rows) {
            double a = row.get("a").getAsDouble();
            double b = row.get("b").getAsDouble();
            double k = row.get("x").getAsDouble();
            assertEquals(a * k + b, row.get("y").getAsDouble(), 1e-12, row.toString());
            assertEquals("a·k + b", row.get("series").getAsString());
        }
    }

    @Test
    void eachKnobIsAParameterBoundToItsInputAndStartingAtItsInitialPosition() {
        JsonArray params = json(affine().build()).getAsJsonArray("params");
        JsonObject a = params.get(0).getAsJsonObject();
        assertEquals("a", a.get("name").getAsString());
        assertEquals(2, a.get("value").getAsDouble());
        JsonObject slider = a.getAsJsonObject("bind");
        assertEquals("range", slider.get("input").getAsString());
        assertEquals(List.of(1.0, 3.0, 1.0), List.of(slider.get("min").getAsDouble(), slider.get("max").getAsDouble(),
                slider.get("step").getAsDouble()));
        assertTrue(slider.get("name").getAsString().startsWith("slope a"));
        JsonObject b = params.get(1).getAsJsonObject();
        assertEquals(0, b.get("value").getAsDouble());
        assertEquals("radio", b.getAsJsonObject("bind").get("input").getAsString());
        assertEquals("[10,0]", b.getAsJsonObject("bind").get("options").toString());
    }

    @Test
    void eachKnobFiltersTheRowsByItsParameter() {
        JsonArray transform = json(affine().build()).getAsJsonArray("transform");
        assertEquals(2, transform.size());
        assertEquals("abs(datum.a - a) < 0.5", transform.get(0).getAsJsonObject().get("filter").getAsString());
        assertEquals("abs(datum.b - b) < 5", transform.get(1).getAsJsonObject().get("filter").getAsString());
    }

    @Test
    void aGridBuiltAsMultiplesOfATenthIsWrittenAsTheStudentReadsIt() {
        MovableFigure f = Plots.movable("t").slider("r", "r", Grid.linspace(0.1, 0.5, 5), 0.3)
                .series("s", K, s -> Grid.map(K, k -> s.value("r"))).build();
        assertTrue(Grid.linspace(0.1, 0.5, 5)[2] != 0.3, "the grid itself is not 0.3 exactly");
        assertTrue(f.json().contains("\"r\":0.3}") && !f.json().contains("0.30000000000000004"), f.json());
        assertEquals(0.1, json(f).getAsJsonArray("params").get(0).getAsJsonObject().getAsJsonObject("bind")
                .get("step").getAsDouble());
    }

    @Test
    void aNamedOptionKnobIsADropdownOverItsOptionsAndFiltersByEquality() {
        MovableFigure f = Plots.movable("t").dropdown("act", "activation", new String[] {"tanh", "relu"}, "relu")
                .series("s", K, s -> Grid.map(K, k -> s.choice("act").equals("tanh") ? 1 : 2)).build();
        JsonObject spec = json(f);
        JsonObject bind = spec.getAsJsonArray("params").get(0).getAsJsonObject().getAsJsonObject("bind");
        assertEquals("select", bind.get("input").getAsString());
        assertEquals("[\"tanh\",\"relu\"]", bind.get("options").toString());
        assertEquals("relu", spec.getAsJsonArray("params").get(0).getAsJsonObject().get("value").getAsString());
        assertEquals("datum.act == act", spec.getAsJsonArray("transform").get(0).getAsJsonObject().get("filter").getAsString());
        for (JsonObject row : rows(spec)) {
            assertEquals(row.get("act").getAsString().equals("tanh") ? 1 : 2, row.get("y").getAsDouble());
        }
    }

    @Test
    void bothViewsShareTheYRangeOfEverySetting() {
        MovableFigure f = affine().build();
        JsonArray domain = json(f).getAsJsonObject("encoding").getAsJsonObject("y").getAsJsonObject("scale")
                .getAsJsonArray("domain");
        // smallest 1·1 + 0, largest 3·4 + 10
        assertEquals("[1,22]", domain.toString());
        XYChart view = f.defaultView();
        assertEquals(1.0, view.getStyler().getYAxisMin());
        assertEquals(22.0, view.getStyler().getYAxisMax());
    }

    @Test
    void aLogAxisSpansWholeDecadesTickedAtThePowersOfTen() {
        MovableFigure f = Plots.movable("t").logY()
                .slider("r", "r", new double[] {0.5, 1, 1.5}, 1)
                .series("r^k", K, s -> Grid.map(K, k -> Math.pow(s.value("r"), 3 * k)))
                .build();
        JsonObject y = json(f).getAsJsonObject("encoding").getAsJsonObject("y");
        assertEquals("log", y.getAsJsonObject("scale").get("type").getAsString());
        // 0.5^12 = 2.4e-4 and 1.5^12 = 129.7: from 1e-4 to 1e3
        List<Double> ticks = new ArrayList<>();
        y.getAsJsonObject("axis").getAsJsonArray("values").forEach(v -> ticks.add(v.getAsDouble()));
        assertEquals(List.of(1e-4, 1e-3, 1e-2, 1e-1, 1.0, 10.0, 100.0, 1000.0), ticks);
        assertEquals("[1.0E-4,1000]", y.getAsJsonObject("scale").getAsJsonArray("domain").toString());
        XYChart view = f.defaultView();
        assertEquals(-4.0, view.getStyler().getYAxisMin());
        assertEquals(3.0, view.getStyler().getYAxisMax());
    }

    @Test
    void aLogAxisOverManyDecadesLabelsEveryFewDecades() {
        MovableFigure f = Plots.movable("t").logY().slider("r", "r", new double[] {1, 2}, 1)
                .series("s", new double[] {0, 1}, s -> new double[] {1e-30, s.value("r")}).build();
        JsonArray ticks = json(f).getAsJsonObject("encoding").getAsJsonObject("y").getAsJsonObject("axis")
                .getAsJsonArray("values");
        assertTrue(ticks.size() <= 11, ticks.toString());
        assertEquals(1e-30, ticks.get(0).getAsDouble());
    }

    @Test
    void aNaNIsNoPointInEitherView() {
        MovableFigure f = Plots.movable("t").slider("n", "points", new double[] {2, 3, 4}, 3)
                .series("first n", K, s -> Grid.map(K, k -> k <= s.value("n") ? k : Double.NaN)).build();
        assertEquals(2 + 3 + 4, rows(json(f)).size());
        assertArrayEquals(new double[] {1, 2, 3}, f.defaultView().getSeriesMap().get("first n").getXData());
    }

    @Test
    void theDefaultViewDrawsTheInitialSettingAndSaysWhichItIs() {
        XYChart view = affine().build().defaultView();
        assertEquals("affine", view.getTitle());
        assertEquals("k   —   at slope a = 2, offset b = 0", view.getXAxisTitle());
        XYSeries s = view.getSeriesMap().get("a·k + b");
        assertArrayEquals(new double[] {2, 4, 6, 8}, s.getYData());
    }

    @Test
    void aSeriesKeepsItsColourInTheDefaultViewWhenOneBeforeItDrawsNothingThere() {
        MovableFigure f = Plots.movable("t").slider("on", "first on", new double[] {0, 1}, 0)
                .series("first", K, s -> Grid.map(K, k -> s.value("on") == 1 ? k : Double.NaN))
                .dashed("second", K, s -> Grid.map(K, k -> 2 * k)).build();
        XYSeries second = f.defaultView().getSeriesMap().get("second");
        assertEquals(Plots.PALETTE[1], second.getLineColor());
        assertArrayEquals(new float[] {9, 5}, second.getLineStyle().getDashArray());
        JsonObject colour = json(f).getAsJsonObject("encoding").getAsJsonObject("color");
        assertEquals("[\"#0072B2\",\"#D55E00\"]", colour.getAsJsonObject("scale").get("range").toString());
        assertEquals("[[1,0],[9,5]]", json(f).getAsJsonObject("encoding").getAsJsonObject("strokeDash")
                .getAsJsonObject("scale").get("range").toString());
    }

    @Test
    void aLoneSeriesHasNoLegendAndTheFirstColour() {
        JsonObject spec = json(affine().build());
        assertFalse(spec.getAsJsonObject("encoding").has("color"));
        assertEquals("#0072B2", spec.getAsJsonObject("mark").get("color").getAsString());
    }

    @Test
    void theSpecHandedOutCannotBeChanged() {
        Map<String, Object> spec = affine().build().spec();
        assertThrows(UnsupportedOperationException.class, () -> spec.put("title", "changed"));
        @SuppressWarnings("unchecked")
        List<Object> rows = (List<Object>) ((Map<String, Object>) spec.get("data")).get("values");
        assertThrows(UnsupportedOperationException.class, () -> rows.remove(0));
    }

    @Test
    void theSizeIsTheJsonsBytesAndAGridTooLargeIsRefusedWithItsSize() {
        MovableFigure f = affine().build();
        assertEquals(f.json().getBytes(java.nio.charset.StandardCharsets.UTF_8).length, f.bytes());
        double[] many = Grid.linspace(0, 1, 400);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plots.movable("t")
                .slider("a", "a", Grid.linspace(0, 1, 60), 0).slider("b", "b", Grid.linspace(0, 1, 10), 0)
                .series("s", many, s -> Grid.map(many, x -> x * s.value("a") + s.value("b"))).build());
        assertTrue(e.getMessage().startsWith("knobs: expected a grid whose spec stays under 1000000 bytes, got "),
                e.getMessage());
    }

    @Test
    void aSeriesFunctionIsAskedOnceAtEverySetting() {
        List<String> asked = new ArrayList<>();
        affine().series("counted", K, s -> {
            asked.add(s.value("a") + "/" + s.value("b"));
            return K;
        }).build();
        assertEquals(List.of("1.0/10.0", "1.0/0.0", "2.0/10.0", "2.0/0.0", "3.0/10.0", "3.0/0.0"), asked);
    }

    @Test
    void theTextSaysWhatTheFigureIsAndWhereToMoveIt() {
        String text = affine().build().toString();
        assertTrue(text.contains("'affine'") && text.contains("slope a (3 positions)")
                && text.contains("shown at slope a = 2, offset b = 0") && text.contains("JupyterLab 4"), text);
    }
}
