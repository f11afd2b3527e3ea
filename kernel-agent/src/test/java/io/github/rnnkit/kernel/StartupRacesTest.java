package io.github.rnnkit.kernel;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The patch, tested on rapaio-jupyter-kernel 3.0.1's own classes, loaded patched and unpatched. */
class StartupRacesTest {

    @Test
    void thePatchedLoopThreadSetsRunningBeforeItStartsTheThread() throws Exception {
        // A second start() throws in super.start(): what start() did before that call is what is left.
        assertTrue(runningAfterASecondStart(true), "patched: running is set before super.start()");
        assertFalse(runningAfterASecondStart(false), "unpatched: running is set only after super.start()");
    }

    @Test
    void everyPatchedLoopThreadRunsItsBody() throws Exception {
        Class<?> loopThread = kernelClass(StartupRaces.LOOP_THREAD, true);
        Constructor<?> make = loopThread.getConstructor(String.class, long.class, Runnable.class);
        int starts = 2000;
        CountDownLatch ran = new CountDownLatch(starts);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < starts; i++) {
            AtomicBoolean first = new AtomicBoolean(true);
            // a long sleep between turns: each thread runs its body once, then waits to be interrupted
            Thread t = (Thread) make.newInstance("loop-" + i, 60_000L, (Runnable) () -> {
                if (first.getAndSet(false)) {
                    ran.countDown();
                }
            });
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        boolean all = ran.await(20, TimeUnit.SECONDS);
        for (Thread t : threads) {
            loopThread.getMethod("shutdown").invoke(t);
            t.interrupt();
        }
        assertTrue(all, ran.getCount() + " of " + starts + " loop threads never ran their body");
    }

    @Test
    void thePatchedGetHandlerWaitsUntilConnectHasFinished() throws Exception {
        Class<?> channels = kernelClass(StartupRaces.CHANNELS, true);
        Object connection = allocate(channels);
        AtomicReference<Object> answer = new AtomicReference<>();
        Thread shell = new Thread(() -> answer.set(handlerFor(channels, connection)), "Shell-0");
        shell.start();
        shell.join(300);
        assertTrue(shell.isAlive(), "getHandler should wait while the kernel is still connecting");
        Object handler = Proxy.newProxyInstance(channels.getClassLoader(),
                new Class<?>[] {channels.getClassLoader().loadClass("org.rapaio.jupyter.kernel.channels.MessageHandler")},
                (proxy, method, args) -> null);
        Map<Object, Object> handlers = new HashMap<>();
        handlers.put(null, handler);
        set(connection, "handlers", handlers);
        set(connection, "isConnected", true);
        shell.join(5000);
        assertFalse(shell.isAlive());
        assertSame(handler, answer.get());
    }

    @Test
    void theUnpatchedGetHandlerFailsBeforeConnectHasFinished() throws Exception {
        Class<?> channels = kernelClass(StartupRaces.CHANNELS, false);
        Object connection = allocate(channels);
        Object outcome = handlerFor(channels, connection);
        assertInstanceOf(NullPointerException.class, outcome);
    }

    @Test
    void aClassWithoutTheExpectedMethodIsLeftAsItIs() throws IOException {
        assertNull(StartupRaces.patched(StartupRaces.LOOP_THREAD, classFile(StartupRacesTest.class.getName())));
        assertNull(StartupRaces.patched(StartupRaces.CHANNELS, classFile(StartupRacesTest.class.getName())));
    }

    @Test
    void awaitingAnObjectWithoutTheFieldDoesNotWait() throws InterruptedException {
        Thread caller = new Thread(() -> StartupRaces.awaitConnected(new Object()));
        caller.start();
        caller.join(StartupRaces.CONNECT_WAIT.toMillis() / 2);
        assertFalse(caller.isAlive());
    }

    @Test
    void otherClassesAreNotTransformed() throws IOException {
        byte[] file = classFile(StartupRacesTest.class.getName());
        assertNull(new StartupRaces().transform(null, null, "java/lang/String", null, null, file));
        assertNull(new StartupRaces().transform(null, null, StartupRaces.CHANNELS, null, null, new byte[] {1, 2, 3}));
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private static boolean runningAfterASecondStart(boolean patched) throws Exception {
        Class<?> loopThreadClass = kernelClass(StartupRaces.LOOP_THREAD, patched);
        Thread t = (Thread) loopThreadClass.getConstructor(String.class, long.class, Runnable.class)
                .newInstance("twice", 1L, (Runnable) () -> { });
        t.setDaemon(true);
        t.start();
        loopThreadClass.getMethod("shutdown").invoke(t);
        t.join(5000);
        assertThrows(IllegalThreadStateException.class, t::start);
        Field running = loopThreadClass.getDeclaredField("running");
        running.setAccessible(true);
        return running.getBoolean(t);
    }

    /** getHandler(null)'s result, or the exception it threw. */
    private static Object handlerFor(Class<?> channels, Object connection) {
        try {
            Method getHandler = channels.getMethod("getHandler",
                    channels.getClassLoader().loadClass("org.rapaio.jupyter.kernel.message.MessageType"));
            return getHandler.invoke(connection, (Object) null);
        } catch (InvocationTargetException e) {
            return e.getCause();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Object allocate(Class<?> type) throws Exception {
        Field unsafe = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
        unsafe.setAccessible(true);
        Object u = unsafe.get(null);
        return u.getClass().getMethod("allocateInstance", Class.class).invoke(u, type);
    }

    private static void set(Object target, String field, Object value) throws ReflectiveOperationException {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }

    private static byte[] classFile(String binaryName) throws IOException {
        try (InputStream in = StartupRacesTest.class.getClassLoader()
                .getResourceAsStream(binaryName.replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    /** The kernel's class {@code internalName}, defined by a loader of its own, patched or as shipped. */
    private static Class<?> kernelClass(String internalName, boolean patched) throws Exception {
        byte[] original = classFile(internalName.replace('/', '.'));
        byte[] bytes = patched ? StartupRaces.patched(internalName, original) : original;
        assertNotNull(bytes, "the patch should apply to " + internalName);
        ClassLoader parent = StartupRacesTest.class.getClassLoader();
        String name = internalName.replace('/', '.');
        return new ClassLoader(parent) {
            @Override
            protected Class<?> loadClass(String n, boolean resolve) throws ClassNotFoundException {
                synchronized (getClassLoadingLock(n)) {
                    if (n.equals(name)) {
                        Class<?> c = findLoadedClass(n);
                        return c != null ? c : defineClass(n, bytes, 0, bytes.length);
                    }
                    return super.loadClass(n, resolve);
                }
            }
        }.loadClass(name);
    }
}
