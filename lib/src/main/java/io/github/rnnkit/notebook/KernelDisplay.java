package io.github.rnnkit.notebook;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The display functions of a Java Jupyter kernel, found by reflection so the library depends on no
 * kernel. Two shapes exist: rapaio's {@code display(String mime, Object o)} and
 * {@code updateDisplay(String id, String mime, Object o)}, and the IJava/JJava family's
 * {@code display(Object o, String... mimes)} and {@code updateDisplay(String id, Object o, String... mimes)}.
 *
 * <p>The lookup happens once per JVM. When it finds nothing in a JVM that is a Jupyter kernel, output
 * falls back to plain text and one line in the output says so, instead of charts silently becoming text.
 * A bundle of several MIME types (a movable figure: Vega-Lite and its PNG) takes a path of its own in each
 * kernel ({@link KernelBundles}); where that is missing, one line says so and figures show as their PNG.
 */
final class KernelDisplay implements Display {

    /**
     * A class that may hold a kernel's static display functions, the argument order they take, and the
     * class its MIME bundles go through (see {@link KernelBundles}; null: the kernel takes none).
     */
    record Candidate(String className, boolean mimeFirst, String bundleClass) {
        Candidate(String className, boolean mimeFirst) {
            this(className, mimeFirst, null);
        }
    }

    private static final String JJAVA_RENDERABLE = "org.dflib.jjava.jupyter.kernel.display.DisplayDataRenderable";

    /** The kernels the kit knows, the tested one (rapaio) first; JJava moved its functions in 1.0-a6. */
    static final List<Candidate> KNOWN = List.of(
            new Candidate("org.rapaio.jupyter.kernel.global.Global", true, "org.rapaio.jupyter.kernel.display.DisplayData"),
            new Candidate("io.github.spencerpark.ijava.runtime.Display", false,
                    "io.github.spencerpark.jupyter.kernel.display.DisplayDataRenderable"),
            new Candidate("org.dflib.jjava.jupyter.kernel.BaseNotebookStatics", false, JJAVA_RENDERABLE),
            new Candidate("org.dflib.jjava.runtime.Display", false, JJAVA_RENDERABLE));

    /** The classpath variables a Java kernelspec sets (the kit's sets all three). */
    static final List<String> KERNEL_CLASSPATH_VARIABLES = List.of("RJK_CLASSPATH", "IJAVA_CLASSPATH", "JJAVA_CLASSPATH");

    /** Jupyter names a kernel's connection file kernel-ID.json and passes it on the command line. */
    private static final Pattern CONNECTION_FILE = Pattern.compile("\\S*kernel-[^\\s/]+\\.json");

    private final Method display;
    private final Method update;
    private final boolean mimeFirst;
    private final KernelBundles bundles;  // null: this kernel takes no MIME bundle

    private KernelDisplay(Method display, Method update, boolean mimeFirst, KernelBundles bundles) {
        this.display = display;
        this.update = update;
        this.mimeFirst = mimeFirst;
        this.bundles = bundles;
    }

    /** The running JVM's display, looked up on first use (the holder idiom: initialised once, never changed). */
    static Display current() {
        return ThisJvm.DISPLAY;
    }

    private static final class ThisJvm {
        static final Display DISPLAY = choose(KNOWN,
                kernelEvidence(System.getProperty("sun.java.command", ""), System.getenv()), System.out,
                Show.class.getClassLoader(), Thread.currentThread().getContextClassLoader());
    }

    /**
     * The first candidate found through the loaders, or standard output. In a JVM with evidence of being a
     * kernel, finding none is said on {@code out}, once: this is called once per JVM.
     */
    static Display choose(List<Candidate> candidates, Optional<String> evidence, PrintStream out,
                          ClassLoader... loaders) {
        Optional<KernelDisplay> found = find(candidates, loaders);
        if (found.isPresent()) {
            if (found.get().bundles == null) {
                out.println("Show: this kernel's display (" + found.get() + ") was found, but not the way it takes "
                        + "an output with several MIME types. Movable figures appear as a PNG of their default view.");
            }
            return found.get();
        }
        evidence.ifPresent(why -> out.println("Show: this JVM is a Jupyter kernel (" + why + "), but none of the "
                + "display functions the kit knows was found: " + candidates.stream().map(Candidate::className)
                .collect(Collectors.joining(", ")) + ". Charts, tables and Markdown appear as plain text. "
                + "Use the kit's kernel (./kit setup), or report this kernel and its version."));
        return new StdoutDisplay();
    }

    /** The first candidate whose class loads through one of the loaders and has both functions. */
    static Optional<KernelDisplay> find(List<Candidate> candidates, ClassLoader... loaders) {
        for (Candidate c : candidates) {
            for (ClassLoader loader : loaders) {
                KernelDisplay found = tryLoad(c, loader);
                if (found != null) {
                    return Optional.of(found);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Why this JVM looks like a Jupyter kernel, from its command line and environment; empty otherwise.
     * Every kernelspec passes a connection file; the kit's also sets the classpath variables.
     */
    static Optional<String> kernelEvidence(String command, Map<String, String> environment) {
        Matcher file = CONNECTION_FILE.matcher(command);
        if (file.find()) {
            return Optional.of("started with the connection file " + file.group());
        }
        return KERNEL_CLASSPATH_VARIABLES.stream().filter(environment::containsKey).findFirst()
                .map(name -> name + " is set");
    }

    private static KernelDisplay tryLoad(Candidate c, ClassLoader loader) {
        if (loader == null) {
            return null;
        }
        try {
            Class<?> cls = Class.forName(c.className(), true, loader);
            Method display = c.mimeFirst()
                    ? cls.getMethod("display", String.class, Object.class)
                    : cls.getMethod("display", Object.class, String[].class);
            Method update = c.mimeFirst()
                    ? cls.getMethod("updateDisplay", String.class, String.class, Object.class)
                    : cls.getMethod("updateDisplay", String.class, Object.class, String[].class);
            return new KernelDisplay(display, update, c.mimeFirst(), KernelBundles.find(c, display, loader));
        } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
            return null;
        }
    }

    @Override
    public String show(String mime, Object value) {
        Object id = mimeFirst
                ? KernelBundles.call(display, null, mime, value)
                : KernelBundles.call(display, null, value, new String[] {mime});
        return id == null ? null : id.toString();
    }

    @Override
    public void update(String id, String mime, Object value) {
        if (mimeFirst) {
            KernelBundles.call(update, null, id, mime, value);
        } else {
            KernelBundles.call(update, null, id, value, new String[] {mime});
        }
    }

    @Override
    public boolean showAll(Map<String, Object> bundle) {
        if (bundles == null) {
            return false;
        }
        bundles.show(bundle);
        return true;
    }

    /** This kernel's bundle path, or null: for tests. */
    KernelBundles bundles() {
        return bundles;
    }

    @Override
    public boolean isKernel() {
        return true;
    }

    /** Where the output goes, e.g. "org.rapaio.jupyter.kernel.global.Global.display". */
    @Override
    public String toString() {
        return display.getDeclaringClass().getName() + "." + display.getName();
    }
}
