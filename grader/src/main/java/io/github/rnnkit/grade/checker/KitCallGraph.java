package io.github.rnnkit.grade.checker;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The lesson jar's call graph, read from its bytecode at build time (ASM), for the forbidden-call rule: a kit
 * method that reaches a forbidden one is forbidden too. A node is a method, {@code owner.name(descriptor)}
 * with the owner's internal name; an edge {@code a → b} says running a may run b:
 *
 * <ul>
 *   <li>a call instruction in a, to the declaration it resolves to (the owner, or the kit superclass or
 *       interface that declares the method);</li>
 *   <li>a lambda or method reference made in a, to its body; and from the kit interface method it implements
 *       to that body;</li>
 *   <li>class-hierarchy analysis: from a kit method to every kit method that overrides it, so a call through a
 *       kit interface or superclass reaches every kit implementation.</li>
 * </ul>
 *
 * Calls into the JDK and the kit's libraries end at the method called: their insides are not read, and a call
 * back into the kit through a JDK type ({@code toString}, {@code Comparable}, {@code java.util.function}) counts
 * only where the kit makes the lambda. {@code main(CLASSES, OUT)} writes the graph as text: a digest of the
 * classes it was read from, a line {@code n NAME} per node (numbered from 0) and {@code e FROM TO} per edge.
 */
public final class KitCallGraph {

    /** One class of the jar: its supertypes and its methods' names with descriptors (non-static, non-private). */
    private record Shape(String superName, List<String> interfaces, Set<String> overridable, Set<String> declared) {
    }

    private final Map<String, Shape> classes = new TreeMap<>();
    private final Map<String, Set<String>> edges = new TreeMap<>();

    private KitCallGraph() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("arguments: expected CLASSES OUT, got " + List.of(args));
        }
        Path classes = Path.of(args[0]);
        Map<String, byte[]> files = classFiles(classes);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("CLASSES: expected the lesson jar's classes, got no class file under " + classes);
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out.getParent());
        Files.writeString(out, of(files).text(KitCalls.digest(files)), StandardCharsets.UTF_8);
    }

    /** Every class file under a folder, by its path relative to the folder ('/'-separated). */
    static Map<String, byte[]> classFiles(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".class")).toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }

    /** The call graph of the given class files. */
    static KitCallGraph of(Map<String, byte[]> files) {
        KitCallGraph graph = new KitCallGraph();
        List<ClassReader> readers = new ArrayList<>();
        for (byte[] bytes : files.values()) {
            ClassReader reader = new ClassReader(bytes);
            readers.add(reader);
            graph.shape(reader);
        }
        readers.forEach(graph::calls);
        graph.overrides();
        return graph;
    }

    private void shape(ClassReader reader) {
        Set<String> overridable = new LinkedHashSet<>();
        Set<String> declared = new LinkedHashSet<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                declared.add(name + descriptor);
                if ((access & (Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE)) == 0 && !name.startsWith("<")) {
                    overridable.add(name + descriptor);
                }
                return null;
            }
        }, ClassReader.SKIP_CODE);
        classes.put(reader.getClassName(), new Shape(reader.getSuperName(), List.of(reader.getInterfaces()), overridable, declared));
    }

    private void calls(ClassReader reader) {
        String owner = reader.getClassName();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                String caller = owner + "." + name + descriptor;
                edges.computeIfAbsent(caller, k -> new LinkedHashSet<>());
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String to, String method, String desc, boolean isInterface) {
                        edge(caller, resolve(to, method + desc));
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String method, String desc, Handle bootstrap, Object... arguments) {
                        for (Object argument : arguments) {
                            if (argument instanceof Handle h && h.getTag() >= Opcodes.H_INVOKEVIRTUAL) {
                                String body = resolve(h.getOwner(), h.getName() + h.getDesc());
                                edge(caller, body);
                                if (argument == arguments[1] && arguments[0] instanceof Type sam) {
                                    String iface = Type.getReturnType(desc).getInternalName();
                                    edge(resolve(iface, method + sam.getDescriptor()), body);
                                }
                            }
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    }

    /** The declaration a call to {@code owner.method} resolves to: the owner's, or a kit supertype's that declares it. */
    private String resolve(String owner, String method) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(List.of(owner));
        while (!todo.isEmpty()) {
            String type = todo.remove(0);
            Shape shape = classes.get(type);
            if (shape == null || !seen.add(type)) {
                continue;
            }
            if (shape.declared().contains(method)) {
                return type + "." + method;
            }
            if (shape.superName() != null) {
                todo.add(shape.superName());
            }
            todo.addAll(shape.interfaces());
        }
        return owner + "." + method;
    }

    /** An edge from each kit method to every kit method overriding it, in any subtype. */
    private void overrides() {
        for (Map.Entry<String, Shape> c : classes.entrySet()) {
            for (String method : c.getValue().overridable()) {
                for (String supertype : supertypes(c.getKey())) {
                    Shape s = classes.get(supertype);
                    if (s != null && s.overridable().contains(method)) {
                        edge(supertype + "." + method, c.getKey() + "." + method);
                    }
                }
            }
        }
    }

    private Set<String> supertypes(String type) {
        Set<String> found = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(List.of(type));
        while (!todo.isEmpty()) {
            Shape shape = classes.get(todo.remove(0));
            if (shape == null) {
                continue;
            }
            List<String> next = new ArrayList<>(shape.interfaces());
            if (shape.superName() != null) {
                next.add(shape.superName());
            }
            for (String t : next) {
                if (found.add(t)) {
                    todo.add(t);
                }
            }
        }
        return found;
    }

    private void edge(String from, String to) {
        if (!from.equals(to)) {
            edges.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(to);
        }
    }

    /** The graph as text: the digest, the nodes, the edges. */
    String text(String digest) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        edges.forEach((from, tos) -> {
            ids.putIfAbsent(from, ids.size());
            tos.forEach(to -> ids.putIfAbsent(to, ids.size()));
        });
        StringBuilder out = new StringBuilder("# the lesson jar's call graph (io.github.rnnkit.grade.checker.KitCallGraph)\n");
        out.append("digest ").append(digest).append('\n');
        ids.keySet().forEach(n -> out.append("n ").append(n).append('\n'));
        edges.forEach((from, tos) -> tos.forEach(to -> out.append("e ").append(ids.get(from)).append(' ').append(ids.get(to)).append('\n')));
        return out.toString();
    }

    /** The edges, node name to node names (for tests). */
    Map<String, Set<String>> edges() {
        return edges;
    }
}
