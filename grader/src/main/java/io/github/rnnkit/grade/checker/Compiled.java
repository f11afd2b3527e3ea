package io.github.rnnkit.grade.checker;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.tree.JCTree;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What the compiled Submission class holds, checked twice against what the pieces of the solution cells
 * declare: in javac's attributed tree (only the pieces' methods, each in its piece, nothing else: no field,
 * initialiser, constructor or class), and in the class files (only those methods, the synthetic methods javac
 * makes for lambdas, the default constructor, and for an {@code assert} its flag; no other class).
 */
final class Compiled {

    /** Where one piece sits in the Submission source, and the methods its own parse declared. */
    record Span(int firstLine, int lastLine, List<String> names) {
    }

    private static final String ASSERTIONS = "$assertionsDisabled";

    private Compiled() {
    }

    /** Each piece whose part of the compiled tree is not exactly its methods, and what it holds instead. */
    static Map<Span, String> strangers(Javac.Run run, List<Span> spans) {
        Trees trees = Trees.instance(run.task());
        CompilationUnitTree unit = run.units().get(0);
        if (unit.getTypeDecls().size() != 1 || !(unit.getTypeDecls().get(0) instanceof ClassTree type)) {
            throw new IllegalStateException("the Submission source holds " + unit.getTypeDecls().size() + " types, not one class");
        }
        Map<Span, List<String>> declared = new LinkedHashMap<>();
        Map<Span, String> strangers = new LinkedHashMap<>();
        for (Tree member : type.getMembers()) {
            if (member instanceof JCTree.JCMethodDecl m && (m.mods.flags & Flags.GENERATEDCONSTR) != 0) {
                continue;  // the default constructor javac adds to every class
            }
            long line = unit.getLineMap().getLineNumber(trees.getSourcePositions().getStartPosition(unit, member));
            Span span = spans.stream().filter(s -> line >= s.firstLine() && line <= s.lastLine()).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the Submission class holds a member on line " + line
                            + ", outside every solution cell"));
            if (member instanceof MethodTree m && m.getReturnType() != null && m.getBody() != null) {
                declared.computeIfAbsent(span, s -> new ArrayList<>()).add(m.getName().toString());
            } else {
                strangers.putIfAbsent(span, "not a method declaration (" + member.getKind().toString().toLowerCase().replace('_', ' ')
                        + "): a solution cell may hold only method declarations");
            }
        }
        for (Span s : spans) {
            if (!strangers.containsKey(s) && !declared.getOrDefault(s, List.of()).equals(s.names())) {
                strangers.put(s, "the compiled class reads these lines as " + declared.getOrDefault(s, List.of())
                        + ", not the methods " + s.names() + ": they are left out");
            }
        }
        return strangers;
    }

    /**
     * What the class files in the package folder hold beyond the Submission class with the {@code kept} methods
     * and the named check classes, or nothing when that is all.
     */
    static Optional<String> oddities(Path folder, String submission, Set<String> kept, Set<String> checks) {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> list = Files.list(folder)) {
            list.forEach(p -> files.add(p.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.remove(submission + ".class");
        checks.forEach(c -> files.remove(c + ".class"));
        if (!files.isEmpty()) {
            return Optional.of("the class files " + files);
        }
        try {
            return oddMembers(new ClassReader(Files.readAllBytes(folder.resolve(submission + ".class"))), kept);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> oddMembers(ClassReader reader, Set<String> kept) {
        List<String> odd = new ArrayList<>();
        boolean[] assertions = {false};
        List<String> initialiserCalls = new ArrayList<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                int flag = Opcodes.ACC_STATIC | Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC;
                if (name.equals(ASSERTIONS) && descriptor.equals("Z") && (access & flag) == flag) {
                    assertions[0] = true;
                } else {
                    odd.add("the field " + name);
                }
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                boolean lambda = name.startsWith("lambda$") && (access & Opcodes.ACC_SYNTHETIC) != 0;
                if (name.equals("<init>") && descriptor.equals("()V")) {
                    return null;  // the default constructor javac adds to every class
                }
                if (name.equals("<clinit>")) {
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean isInterface) {
                            initialiserCalls.add(owner + "." + method);
                        }
                    };
                }
                if (!lambda && !kept.contains(name)) {
                    odd.add("the method " + name);
                }
                if ((access & Opcodes.ACC_STATIC) == 0) {
                    odd.add("the instance member " + name);
                }
                return null;
            }

            @Override
            public void visitInnerClass(String name, String outerName, String innerName, int access) {
                if (name.startsWith(Checker.PACKAGE + "/")) {
                    odd.add("the class " + name);
                }
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        boolean initialiser = !initialiserCalls.isEmpty() || hasInitialiser(reader);
        if (initialiser && !(assertions[0] && initialiserCalls.stream().allMatch("java/lang/Class.desiredAssertionStatus"::equals))) {
            odd.add("a static initialiser");
        }
        return odd.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", odd));
    }

    private static boolean hasInitialiser(ClassReader reader) {
        boolean[] found = {false};
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                found[0] |= name.equals("<clinit>");
                return null;
            }
        }, ClassReader.SKIP_CODE);
        return found[0];
    }

    /** A class or member a class file refers to: its owner's internal name, and the member's name (null for a type). */
    record Reference(String owner, String member) {
    }

    /** The bootstraps javac itself calls for lambdas and string concatenation: code the student did not write. */
    private static final Set<String> JAVAC_BOOTSTRAPS = Set.of("java/lang/invoke/LambdaMetafactory",
            "java/lang/invoke/StringConcatFactory");

    /**
     * Every class and member the Submission class file refers to in its code (calls, fields, types, constants,
     * method handles), but javac's own bootstraps: what a second check, on the bytes that will run, looks at.
     */
    static Set<Reference> references(Path classFile) {
        Set<Reference> found = new java.util.LinkedHashSet<>();
        try {
            new ClassReader(Files.readAllBytes(classFile)).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean isInterface) {
                            found.add(new Reference(owner, method));
                        }

                        @Override
                        public void visitFieldInsn(int opcode, String owner, String field, String desc) {
                            found.add(new Reference(owner, field));
                        }

                        @Override
                        public void visitTypeInsn(int opcode, String type) {
                            found.add(new Reference(type, null));
                        }

                        @Override
                        public void visitLdcInsn(Object value) {
                            constant(value);
                        }

                        @Override
                        public void visitInvokeDynamicInsn(String method, String desc, org.objectweb.asm.Handle bootstrap,
                                                           Object... arguments) {
                            if (!JAVAC_BOOTSTRAPS.contains(bootstrap.getOwner())) {
                                constant(bootstrap);
                            }
                            for (Object argument : arguments) {
                                constant(argument);
                            }
                        }

                        private void constant(Object value) {
                            if (value instanceof org.objectweb.asm.Type type && type.getSort() == org.objectweb.asm.Type.OBJECT) {
                                found.add(new Reference(type.getInternalName(), null));
                            } else if (value instanceof org.objectweb.asm.Handle h) {
                                found.add(new Reference(h.getOwner(), h.getName()));
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** Removes a folder and everything in it; nothing when it is null. */
    static void delete(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
