package io.github.rnnkit.grade.checker;

import java.util.Collection;
import java.util.Map;

/** One JSON object on one line: how the checker and the check runner report to the grader. */
final class Json {

    private Json() {
    }

    /** The fields as a JSON object; values are strings, numbers, booleans, collections of strings or null. */
    static String object(Map<String, ?> fields) {
        StringBuilder out = new StringBuilder("{");
        fields.forEach((key, value) -> {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append(string(key)).append(": ").append(value(value));
        });
        return out.append('}').toString();
    }

    private static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Collection<?> items) {
            StringBuilder out = new StringBuilder("[");
            for (Object item : items) {
                out.append(out.length() > 1 ? ", " : "").append(value(item));
            }
            return out.append(']').toString();
        }
        return string(value.toString());
    }

    /** A JSON string: quotes, backslashes and control characters escaped; lone surrogates replaced. */
    static String string(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
            int c = s.codePointAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(Character.getType(c) == Character.SURROGATE ? 0xfffd : c);
            }
        }
        return out.append('"').toString();
    }
}
