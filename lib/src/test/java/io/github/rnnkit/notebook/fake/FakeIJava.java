package io.github.rnnkit.notebook.fake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stand-in for a kernel of the IJava family (IJava, JJava), shaped as their display API is: static
 * {@code display(Object, String...)} and {@code updateDisplay(String, Object, String...)}, a
 * {@code DisplayData} with {@code putData(String, Object)}, and a {@code DisplayDataRenderable} whose
 * {@code render(RenderContext)} fills the context's output container. What it "published" is kept in
 * {@link #published()} (test code: one list per JVM, cleared by {@link #clear()}).
 */
public final class FakeIJava {

    private static final List<Map<String, Object>> PUBLISHED = Collections.synchronizedList(new ArrayList<>());

    private FakeIJava() {
    }

    /** What the kernel would send: one map of MIME type → value per display call. */
    public static List<Map<String, Object>> published() {
        return List.copyOf(PUBLISHED);
    }

    public static void clear() {
        PUBLISHED.clear();
    }

    /** Renders {@code o} as the IJava family does: a renderable renders itself; anything else under the types asked. */
    public static String display(Object o, String... mimes) {
        DisplayData out = new DisplayData();
        if (o instanceof DisplayDataRenderable r) {
            r.render(new RenderContext(out));
        } else {
            for (String mime : mimes) {
                out.putData(mime, o);
            }
        }
        PUBLISHED.add(out.data);
        return "id-" + PUBLISHED.size();
    }

    public static void updateDisplay(String id, Object o, String... mimes) {
        display(o, mimes);
    }

    /** The kernel's output: MIME type → value. */
    public static final class DisplayData {
        final Map<String, Object> data = new LinkedHashMap<>();

        public void putData(String mime, Object value) {
            data.put(mime, value);
        }
    }

    /** What a renderable is given to write into. */
    public static final class RenderContext {
        private final DisplayData out;

        RenderContext(DisplayData out) {
            this.out = out;
        }

        public DisplayData getOutputContainer() {
            return out;
        }
    }

    /** An object that renders itself, with a default method as the real interfaces have. */
    public interface DisplayDataRenderable {
        default Set<String> getSupportedRenderTypes() {
            return Set.of("*");
        }

        void render(RenderContext context);
    }
}
