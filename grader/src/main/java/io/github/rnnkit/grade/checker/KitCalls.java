package io.github.rnnkit.grade.checker;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The lesson jar's call graph ({@link KitCallGraph}, computed at build time), asked at grading time which kit
 * methods reach what an exercise forbids. The rule: a solution may not call a kit method from which a chain of
 * calls (as {@link KitCallGraph} reads them) reaches a forbidden method; the message names the chain, e.g.
 * {@code Init.withSpectralRadius → Matrices.spectralRadius}. The graph carries a digest of the classes it was
 * read from, and is refused for a lesson jar with other classes.
 */
final class KitCalls {

    static final String RESOURCE = "kit-calls.txt";
    private static final String KIT = "io/github/rnnkit/";

    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<List<Integer>> callers = new ArrayList<>();
    private final String digest;
    private final Map<CallRules, int[]> towards = new HashMap<>();

    private KitCalls(String text) {
        String found = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("digest ")) {
                found = line.substring("digest ".length()).strip();
            } else if (line.startsWith("n ")) {
                ids.put(line.substring(2), names.size());
                names.add(line.substring(2));
                callers.add(new ArrayList<>());
            } else if (line.startsWith("e ")) {
                String[] p = line.split(" ");
                callers.get(Integer.parseInt(p[2])).add(Integer.parseInt(p[1]));
            }
        }
        this.digest = found;
    }

    /** The graph the grader's jar carries, checked against the lesson jar that holds {@code anchor}. */
    static KitCalls load(Class<?> anchor) {
        try (InputStream in = KitCalls.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the grader has no call graph of the lesson jar (" + RESOURCE + "): rebuild it");
            }
            KitCalls calls = new KitCalls(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            String actual = digest(classesBeside(anchor));
            if (!actual.equals(calls.digest)) {
                throw new IllegalStateException("the grader's call graph was read from another lesson jar than the one it "
                        + "grades with: run ./kit setup (or ./mvnw package) so both are built together");
            }
            return calls;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A digest of class files by their relative names and bytes, the kit's own classes only. */
    static String digest(Map<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> f : new TreeMap<>(files).entrySet()) {
                if (f.getKey().startsWith(KIT)) {
                    sha.update(f.getKey().getBytes(StandardCharsets.UTF_8));
                    sha.update(MessageDigest.getInstance("SHA-256").digest(f.getValue()));
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The class files of the jar or folder {@code anchor} was loaded from. */
    private static Map<String, byte[]> classesBeside(Class<?> anchor) throws IOException {
        Path where;
        try {
            where = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (Files.isDirectory(where)) {
            return KitCallGraph.classFiles(where);
        }
        Map<String, byte[]> files = new TreeMap<>();
        try (JarFile jar = new JarFile(where.toFile())) {
            for (JarEntry e : jar.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                try (InputStream in = jar.getInputStream(e)) {
                    files.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return files;
    }

    /**
     * The chain of calls from {@code method} to a method {@code rules} forbid, when the kit method reaches one:
     * "Init.withSpectralRadius → Matrices.spectralRadius".
     */
    Optional<String> chain(ExecutableElement method, CallRules rules, Elements elements, Types types) {
        Integer from = ids.get(name(method, elements, types));
        if (from == null) {
            return Optional.empty();
        }
        int[] next = towards.computeIfAbsent(rules, r -> towards(r, elements, types));
        if (next[from] == -1) {
            return Optional.empty();
        }
        List<String> chain = new ArrayList<>();
        for (int n = from; ; n = next[n]) {
            chain.add(readable(names.get(n)));
            if (next[n] == n) {
                return Optional.of(String.join(" → ", chain));
            }
        }
    }

    /** For each node: the next node on a shortest chain to a forbidden one (itself if forbidden), or -1. */
    private int[] towards(CallRules rules, Elements elements, Types types) {
        int[] next = new int[names.size()];
        java.util.Arrays.fill(next, -1);
        Deque<Integer> todo = new ArrayDeque<>();
        Map<String, TypeElement> owners = new HashMap<>();
        for (int n = 0; n < names.size(); n++) {
            String name = names.get(n);
            String owner = name.substring(0, name.indexOf('.')).replace('/', '.').replace('$', '.');
            TypeElement type = owners.computeIfAbsent(owner, elements::getTypeElement);
            String member = name.substring(name.indexOf('.') + 1, name.indexOf('('));
            if (type != null && rules.breaksMember(type, member, elements, types)) {
                next[n] = n;
                todo.add(n);
            }
        }
        Set<Integer> seen = new HashSet<>(todo);
        while (!todo.isEmpty()) {
            int n = todo.poll();
            for (int caller : callers.get(n)) {
                if (seen.add(caller)) {
                    next[caller] = n;
                    todo.add(caller);
                }
            }
        }
        return next;
    }

    /** "io/github/rnnkit/rnn/Init.withSpectralRadius(…)" as a student reads it: "Init.withSpectralRadius". */
    private static String readable(String node) {
        String owner = node.substring(0, node.indexOf('.'));
        String member = node.substring(node.indexOf('.') + 1, node.indexOf('('));
        String simple = owner.substring(owner.lastIndexOf('/') + 1).replaceAll("\\$\\d+", "").replace('$', '.');
        return member.equals("<init>") ? "new " + simple : member.startsWith("lambda$") ? simple + " (a lambda)" : simple + "." + member;
    }

    /** The node name of a method javac resolved: its owner's internal name, its name and its erased descriptor. */
    static String name(ExecutableElement method, Elements elements, Types types) {
        TypeElement owner = (TypeElement) method.getEnclosingElement();
        StringBuilder d = new StringBuilder("(");
        method.getParameters().forEach(p -> d.append(descriptor(types.erasure(p.asType()), elements, types)));
        d.append(')').append(descriptor(types.erasure(method.getReturnType()), elements, types));
        return elements.getBinaryName(owner).toString().replace('.', '/') + "." + method.getSimpleName() + d;
    }

    private static String descriptor(TypeMirror t, Elements elements, Types types) {
        return switch (t.getKind()) {
            case BOOLEAN -> "Z";
            case BYTE -> "B";
            case CHAR -> "C";
            case SHORT -> "S";
            case INT -> "I";
            case LONG -> "J";
            case FLOAT -> "F";
            case DOUBLE -> "D";
            case VOID -> "V";
            case ARRAY -> "[" + descriptor(types.erasure(((ArrayType) t).getComponentType()), elements, types);
            case DECLARED -> "L" + elements.getBinaryName((TypeElement) ((DeclaredType) t).asElement()).toString().replace('.', '/') + ";";
            default -> t.getKind() == TypeKind.TYPEVAR ? descriptor(types.erasure(t), elements, types) : "?";
        };
    }
}
