package io.github.rnnkit.plot;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON document as the kernels take it: nested {@link Map}s (keys in insertion order), {@link List}s,
 * numbers, strings, booleans and null, written out by Gson. Plain Java collections, not Gson's tree,
 * because every Java kernel serialises the MIME bundle with a Gson of its own (rapaio's is shaded).
 */
final class Json {

    /** Gson escapes &lt; and &gt; by default; a Vega expression such as "a &lt; b" should read as written. */
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private Json() {
    }

    /** An object from key, value, key, value, …; keys in the order given. */
    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** A number as JSON writes it shortest: an integral value as a long (3, not 3.0). */
    static Object number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Object) (long) v : (Object) v;
    }

    /** A number rounded to {@code digits} significant digits, enough to draw it and shorter to write. */
    static Object rounded(double v, int digits) {
        return number(new BigDecimal(v).round(new MathContext(digits)).doubleValue());
    }

    static String write(Object document) {
        return GSON.toJson(document);
    }

    /** A deep copy that cannot be changed: what a figure hands out. */
    static Object frozen(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, frozen(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(frozen(v)));
            return Collections.unmodifiableList(copy);
        }
        return node;
    }
}
