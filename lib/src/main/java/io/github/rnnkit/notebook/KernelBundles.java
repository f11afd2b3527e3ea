package io.github.rnnkit.notebook;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.UUID;

/**
 * How a Java kernel takes one output with several MIME types (a "MIME bundle": the notebook shows the
 * richest type it can render), found by reflection like {@link KernelDisplay}. Neither family's
 * {@code display} function takes a bundle as it is:
 *
 * <ul>
 *   <li><b>rapaio</b> renders every object through its own renderers, none of which passes a bundle on;
 *       so a bundle becomes its {@code DisplayData} ({@code withType}, then {@code putData} per type) and
 *       goes to the running kernel's {@code display(DisplayData)} ({@code MainApp.kernel});</li>
 *   <li><b>IJava and JJava</b> render an object that implements their {@code DisplayDataRenderable} by
 *       calling its {@code render(RenderContext)}; so a bundle becomes such an object (a proxy of that
 *       interface, which writes each type into the context's output) and goes to their public
 *       {@code display(Object, String...)}.</li>
 * </ul>
 */
abstract class KernelBundles {

    static final String RAPAIO_APP = "org.rapaio.jupyter.kernel.MainApp";

    /** Shows the bundle as one output. */
    abstract void show(Map<String, Object> bundle);

    /**
     * The bundle path of a kernel whose display {@code candidate} names, or null when its classes are not
     * there as expected (then movable figures fall back to their PNG).
     */
    static KernelBundles find(KernelDisplay.Candidate candidate, Method display, ClassLoader loader) {
        if (candidate.bundleClass() == null) {
            return null;
        }
        try {
            return candidate.mimeFirst()
                    ? new Rapaio(Class.forName(candidate.bundleClass(), false, loader),
                                 Class.forName(RAPAIO_APP, false, loader))
                    : new Renderable(Class.forName(candidate.bundleClass(), false, loader), display);
        } catch (ClassNotFoundException | NoSuchMethodException | NoSuchFieldException | LinkageError e) {
            return null;
        }
    }

    /** rapaio 3: a {@code DisplayData} filled type by type, published by the kernel itself. */
    static final class Rapaio extends KernelBundles {

        private final Method withType;
        private final Method putData;
        private final Method setDisplayId;
        private final Field kernel;
        private final Method publish;

        Rapaio(Class<?> displayData, Class<?> app) throws NoSuchMethodException, NoSuchFieldException {
            withType = displayData.getMethod("withType", String.class, String.class);
            putData = displayData.getMethod("putData", String.class, Object.class);
            setDisplayId = displayData.getMethod("setDisplayId", String.class);
            kernel = app.getField("kernel");
            publish = kernel.getType().getMethod("display", displayData);
        }

        /** The kernel's DisplayData holding every type of the bundle, with an id as rapaio's own display gives. */
        Object displayData(Map<String, Object> bundle) {
            Object data = call(withType, null, "text/plain", String.valueOf(bundle.getOrDefault("text/plain", "")));
            bundle.forEach((mime, value) -> call(putData, data, mime, value));
            call(setDisplayId, data, UUID.randomUUID().toString());
            return data;
        }

        @Override
        void show(Map<String, Object> bundle) {
            Object data = displayData(bundle);
            Object running;
            try {
                running = kernel.get(null);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot reach the rapaio kernel: " + e.getMessage(), e);
            }
            call(publish, running, data);
        }
    }

    /** IJava and JJava: an object of their {@code DisplayDataRenderable} interface, rendered by their display. */
    static final class Renderable extends KernelBundles {

        private final Class<?> renderable;
        private final Method render;
        private final Method output;
        private final Method putData;
        private final Method display;

        Renderable(Class<?> renderable, Method display) throws NoSuchMethodException {
            this.renderable = renderable;
            this.render = renderMethod(renderable);
            this.output = render.getParameterTypes()[0].getMethod("getOutputContainer");
            this.putData = output.getReturnType().getMethod("putData", String.class, Object.class);
            this.display = display;
        }

        private static Method renderMethod(Class<?> renderable) throws NoSuchMethodException {
            for (Method m : renderable.getMethods()) {
                if (m.getName().equals("render") && m.getParameterCount() == 1) {
                    return m;
                }
            }
            throw new NoSuchMethodException(renderable.getName() + ".render(RenderContext)");
        }

        /** An object of the kernel's renderable interface that writes every type of the bundle when rendered. */
        Object renderableFor(Map<String, Object> bundle) {
            InvocationHandler handler = (proxy, method, args) -> {
                if (method.equals(render)) {
                    Object out = call(output, args[0]);
                    bundle.forEach((mime, value) -> call(putData, out, mime, value));
                    return null;
                }
                if (method.isDefault()) {
                    return InvocationHandler.invokeDefault(proxy, method, args);
                }
                return switch (method.getName()) {
                    case "toString" -> String.valueOf(bundle.getOrDefault("text/plain", "a MIME bundle"));
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.toString());
                };
            };
            return Proxy.newProxyInstance(renderable.getClassLoader(), new Class<?>[] {renderable}, handler);
        }

        @Override
        void show(Map<String, Object> bundle) {
            call(display, null, renderableFor(bundle), bundle.keySet().toArray(new String[0]));
        }
    }

    /** Calls a kernel's method, passing on what it throws as an unchecked exception. */
    static Object call(Method m, Object target, Object... args) {
        try {
            return m.invoke(target, args);
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
