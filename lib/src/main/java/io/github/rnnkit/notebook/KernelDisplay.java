package io.github.rnnkit.notebook;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

/**
 * The display functions of a Java Jupyter kernel, found by reflection so the library depends on no
 * kernel. Two shapes exist: rapaio's {@code display(String mime, Object o)} and
 * {@code updateDisplay(String id, String mime, Object o)}, and the IJava/JJava family's
 * {@code display(Object o, String... mimes)} and {@code updateDisplay(String id, Object o, String... mimes)}.
 */
final class KernelDisplay implements Display {

    /** A class that may hold a kernel's static display functions, and the argument order they take. */
    record Candidate(String className, boolean mimeFirst) {
    }

    /** The kernels the kit knows, the tested one (rapaio) first. */
    static final List<Candidate> KNOWN = List.of(
            new Candidate("org.rapaio.jupyter.kernel.global.Global", true),
            new Candidate("io.github.spencerpark.ijava.runtime.Display", false),
            new Candidate("org.dflib.jjava.runtime.Display", false));

    private final Method display;
    private final Method update;
    private final boolean mimeFirst;

    private KernelDisplay(Method display, Method update, boolean mimeFirst) {
        this.display = display;
        this.update = update;
        this.mimeFirst = mimeFirst;
    }

    /** The first candidate whose class loads and has both functions, or standard output. */
    static Display find(List<Candidate> candidates, ClassLoader... loaders) {
        for (Candidate c : candidates) {
            for (ClassLoader loader : loaders) {
                KernelDisplay found = tryLoad(c, loader);
                if (found != null) {
                    return found;
                }
            }
        }
        return new StdoutDisplay();
    }

    /** The running kernel's display, looked up through the library's and the thread's class loaders. */
    static Display current() {
        return find(KNOWN, Show.class.getClassLoader(), Thread.currentThread().getContextClassLoader());
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
