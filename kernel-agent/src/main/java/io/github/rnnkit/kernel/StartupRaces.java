package io.github.rnnkit.kernel;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.security.ProtectionDomain;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes the two start-up races of rapaio-jupyter-kernel 3.0.1 that leave a kernel whose shell never
 * answers (docs/kernel.md, "Bug report"), by adding one instruction at the entry of two methods:
 *
 * <ul>
 *   <li>{@code LoopThread.start()} sets {@code running = true} <em>before</em> it starts the thread,
 *   so the thread's {@code while (running)} cannot see {@code false} and end at once;</li>
 *   <li>{@code Channels.getHandler(type)} first waits until {@code connect()} has finished
 *   ({@code isConnected}), so a request that arrives between binding the sockets and filling the
 *   handler map is handled instead of killing the channel's thread with a NullPointerException
 *   (or being dropped as "unhandled" while the map is half filled).</li>
 * </ul>
 *
 * Nothing else changes, and nothing is copied from the kernel. A class that does not have the
 * expected method or field (another kernel version) is left as it is; the kit's launcher still
 * restarts any start that hangs. The transformer is active only while {@link #patch} loads the two
 * classes, so class-data sharing of every other class is unaffected.
 */
public final class StartupRaces implements ClassFileTransformer {

    static final String LOOP_THREAD = "org/rapaio/jupyter/kernel/channels/LoopThread";
    static final String CHANNELS = "org/rapaio/jupyter/kernel/channels/Channels";
    /** How long a request waits for the kernel to finish connecting before it is handled anyway. */
    static final Duration CONNECT_WAIT = Duration.ofSeconds(30);

    private final Set<String> patched = ConcurrentHashMap.newKeySet();

    /** Loads and patches the two classes through {@code loader}; returns the names of those patched. */
    public static Set<String> patch(Instrumentation instrumentation, ClassLoader loader) {
        StartupRaces races = new StartupRaces();
        instrumentation.addTransformer(races);
        try {
            for (String name : List.of(LOOP_THREAD, CHANNELS)) {
                try {
                    Class.forName(name.replace('/', '.'), false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    // not this kernel: nothing to patch
                }
            }
        } finally {
            instrumentation.removeTransformer(races);
        }
        return Set.copyOf(races.patched);
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined,
                            ProtectionDomain domain, byte[] classFile) {
        if (!LOOP_THREAD.equals(name) && !CHANNELS.equals(name)) {
            return null;
        }
        try {
            byte[] result = patched(name, classFile);
            if (result != null) {
                patched.add(name);
            }
            return result;
        } catch (RuntimeException e) {
            return null; // an unexpected class file: leave the class as it is
        }
    }

    /** The class file with the entry instruction added, or null when the class is not the expected one. */
    static byte[] patched(String name, byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        if (!hasField(reader, name)) {
            return null;
        }
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        boolean[] found = new boolean[1];
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor next = super.visitMethod(access, method, descriptor, signature, exceptions);
                boolean start = LOOP_THREAD.equals(name) && method.equals("start") && descriptor.equals("()V");
                boolean getHandler = CHANNELS.equals(name) && method.equals("getHandler");
                if (!start && !getHandler) {
                    return next;
                }
                found[0] = true;
                return new MethodVisitor(Opcodes.ASM9, next) {
                    @Override
                    public void visitCode() {
                        super.visitCode();
                        visitVarInsn(Opcodes.ALOAD, 0);
                        if (start) { // this.running = true;
                            visitInsn(Opcodes.ICONST_1);
                            visitFieldInsn(Opcodes.PUTFIELD, LOOP_THREAD, "running", "Z");
                        } else { // StartupRaces.awaitConnected(this);
                            visitMethodInsn(Opcodes.INVOKESTATIC, "io/github/rnnkit/kernel/StartupRaces",
                                    "awaitConnected", "(Ljava/lang/Object;)V", false);
                        }
                    }
                };
            }
        }, 0);
        return found[0] ? writer.toByteArray() : null;
    }

    private static boolean hasField(ClassReader reader, String name) {
        String wanted = LOOP_THREAD.equals(name) ? "running" : "isConnected";
        boolean[] has = new boolean[1];
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public org.objectweb.asm.FieldVisitor visitField(int access, String field, String descriptor,
                                                                      String signature, Object value) {
                has[0] |= field.equals(wanted) && descriptor.equals("Z");
                return null;
            }
        }, ClassReader.SKIP_CODE);
        return has[0];
    }

    /**
     * Waits until {@code channels.isConnected} is true (rapaio sets it after the last handler is in
     * place), at most {@link #CONNECT_WAIT}. Called by the patched {@code Channels.getHandler}.
     */
    public static void awaitConnected(Object channels) {
        try {
            Field connected = channels.getClass().getDeclaredField("isConnected");
            connected.setAccessible(true);
            long deadline = System.nanoTime() + CONNECT_WAIT.toNanos();
            while (!connected.getBoolean(channels) && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            java.lang.invoke.VarHandle.acquireFence(); // see the handler map as connect() left it
        } catch (ReflectiveOperationException e) {
            // not the expected class: go on as the kernel would have
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
