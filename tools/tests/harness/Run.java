package harness;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the calls of a plan, one per line ({@code tag TAB class TAB method}): each method is a
 * public no-argument method of a class with a public no-argument constructor, and what it returns
 * (or throws) is written as one JSON line, {@code {"tag": …, "value": …}} or
 * {@code {"tag": …, "threw": "java.lang.X", "message": …}}. Numbers are written as strings
 * ({@code Double.toString}: every digit, NaN and infinities included), arrays and lists as JSON
 * arrays, the kit's gradient and parameter objects as the arrays they hold. Standard output of the
 * calls themselves (a check's ✔ line) is silenced; each call has a time limit.
 */
public final class Run {

    private static final long LIMIT_MS = 60_000;

    private Run() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String[] p = line.split("\t");
            out.println("{\"tag\": " + quote(p[0]) + ", " + call(p[1], p[2]) + "}");
        }
        System.exit(0);
    }

    private static String call(String className, String methodName) {
        AtomicReference<String> result = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                Object target = Class.forName(className).getDeclaredConstructor().newInstance();
                Method m = target.getClass().getMethod(methodName);
                result.set("\"value\": " + encode(m.invoke(target)));
            } catch (InvocationTargetException e) {
                Throwable t = e.getCause();
                result.set("\"threw\": " + quote(t.getClass().getName()) + ", \"message\": " + quote(String.valueOf(t.getMessage())));
            } catch (Throwable t) {
                result.set("\"error\": " + quote(t.toString()));
            }
        }, "call");
        worker.setDaemon(true);
        worker.start();
        try {
            worker.join(LIMIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return result.get() != null ? result.get() : "\"timeout\": true";
    }

    /** A value as JSON: numbers as strings, arrays and lists as arrays, kit objects as the arrays they hold. */
    static String encode(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Number || v instanceof Boolean || v instanceof Character) {
            return quote(String.valueOf(v));
        }
        if (v instanceof String s) {
            return "{\"string\": " + quote(s) + "}";
        }
        if (v.getClass().isArray()) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < Array.getLength(v); i++) {
                b.append(i == 0 ? "" : ", ").append(encode(Array.get(v, i)));
            }
            return b.append("]").toString();
        }
        if (v instanceof List<?> list) {
            return encode(list.toArray());
        }
        if (v instanceof Map<?, ?> map) {
            return encode(map.entrySet().stream().map(e -> new Object[] {String.valueOf(e.getKey()), e.getValue()}).toArray());
        }
        if (v instanceof io.github.rnnkit.rnn.Gradients g) {
            return encode(new Object[] {g.dU(), g.dW(), g.db(), g.dV(), g.dc(), g.dh0()});
        }
        if (v instanceof io.github.rnnkit.rnn.RnnParams p) {
            return encode(new Object[] {p.U(), p.W(), p.b(), p.V(), p.c()});
        }
        return "{\"string\": " + quote(v.getClass().getName() + ": " + v) + "}";
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
