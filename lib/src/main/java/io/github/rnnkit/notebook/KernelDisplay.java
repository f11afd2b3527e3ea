package io.github.rnnkit.notebook;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
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
 */
final class KernelDisplay implements Display {

    /** A class that may hold a kernel's static display functions, and the argument order they take. */
    record Candidate(String className, boolean mimeFirst) {
    }

    /** The kernels the kit knows, the tested one (rapaio) first; JJava moved its functions in 1.0-a6. */
    static final List<Candidate> KNOWN = List.of(
            new Candidate("org.rapaio.jupyter.kernel.global.Global", true),
            new Candidate("io.github.spencerpark.ijava.runtime.Display", false),
            new Candidate("org.dflib.jjava.jupyter.kernel.BaseNotebookStatics", false),
            new Candidate("org.dflib.jjava.runtime.Display", false));

    /** The classpath variables a Java kernelspec sets (the kit's sets all three). */
    static final List<String> KERNEL_CLASSPATH_VARIABLES = List.of("RJK_CLASSPATH", "IJAVA_CLASSPATH", "JJAVA_CLASSPATH");

    /** Jupyter names a kernel's connection file kernel-ID.json and passes it on the command line. */
    private static final Pattern CONNECTION_FILE = Pattern.compile("\\S*kernel-[^\\s/]+\\.json");

    private final Method display;
    private final Method update;
    private final boolean mimeFirst;

    private KernelDisplay(Method display, Method update, boolean mimeFirst) {
        this.display = display;
        this.update = update;
        this.mimeFirst = mimeFirst;
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
            return new KernelDisplay(display, update, c.mimeFirst());
        } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
            return null;
        }
    }

    @Override
    public String show(String mime, Object value) {
        Object id = mimeFirst
                ? invoke(display, mime, value)
                : invoke(display, value, new String[] {mime});
        return id == null ? null : id.toString();
    }

    @Override
    public void update(String id, String mime, Object value) {
        if (mimeFirst) {
            invoke(update, id, mime, value);
        } else {
            invoke(update, id, value, new String[] {mime});
        }
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

    private static Object invoke(Method m, Object... args) {
        try {
            return m.invoke(null, args);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call the kernel's " + m.getName() + ": " + e.getMessage(), e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("the kernel's " + m.getName() + " failed: " + cause, cause);
        }
    }
}
