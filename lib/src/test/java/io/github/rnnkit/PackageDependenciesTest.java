package io.github.rnnkit;

import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The library's packages depend on each other without a cycle, read from the compiled classes:
 * every class, method and field a class file refers to is named in its constant pool, so a
 * reference written out in full (io.github.rnnkit.util.Matrices.norm(…)) counts as much as an import.
 */
class PackageDependenciesTest {

    private static final Pattern KIT_CLASS = Pattern.compile("io/github/rnnkit/(\\w+)/");

    /** Package → the other kit packages its classes refer to. */
    static Map<String, Set<String>> dependencies() throws IOException, URISyntaxException {
        Path classes = Path.of(io.github.rnnkit.util.Check.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String from = classes.relativize(file.getParent()).getFileName().toString();
                Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
                try (InputStream in = Files.newInputStream(file)) {
                    for (String text : constantPoolTexts(in)) {
                        Matcher m = KIT_CLASS.matcher(text);
                        while (m.find()) {
                            if (!m.group(1).equals(from)) {
                                to.add(m.group(1));
                            }
                        }
                    }
                }
            }
        }
        return graph;
    }

    /** The UTF-8 entries of a class file's constant pool (JVM specification §4.4). */
    static List<String> constantPoolTexts(InputStream classFile) throws IOException {
        DataInputStream in = new DataInputStream(classFile);
        in.readInt();           // magic
        in.readInt();           // minor and major version
        int count = in.readUnsignedShort();
        List<String> texts = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> texts.add(in.readUTF());
                case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    i++;        // a long or a double takes two entries
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        return texts;
    }

    /** A cycle of the graph as "a → b → a", or null when it has none (depth-first search). */
    static String cycle(Map<String, Set<String>> graph) {
        Map<String, Integer> state = new TreeMap<>();     // absent: unseen, 1: on the path, 2: done
        for (String start : graph.keySet()) {
            List<String> path = new ArrayList<>();
            String found = visit(start, graph, state, path);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String visit(String node, Map<String, Set<String>> graph, Map<String, Integer> state, List<String> path) {
        Integer s = state.get(node);
        if (s != null && s == 2) {
            return null;
        }
        if (s != null) {
            List<String> loop = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
            loop.add(node);
            return String.join(" → ", loop);
        }
        state.put(node, 1);
        path.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            String found = visit(next, graph, state, path);
            if (found != null) {
                return found;
            }
        }
        path.remove(path.size() - 1);
        state.put(node, 2);
        return null;
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() throws Exception {
        Map<String, Set<String>> graph = dependencies();
        assertTrue(graph.keySet().containsAll(Set.of("rnn", "gated", "clip", "train", "util")), graph.toString());
        assertEquals(null, cycle(graph), "package dependencies: " + graph);
    }

    @Test
    void utilAndActivationDependOnNoOtherIdeaOfTheKit() throws Exception {
        Map<String, Set<String>> graph = dependencies();
        assertEquals(Set.of(), graph.get("util"));
        assertEquals(Set.of("util"), graph.get("activation"));
    }

    @Test
    void theCycleSearchFindsACycleAndOnlyACycle() {
        assertEquals("clip → rnn → clip", cycle(new TreeMap<>(Map.of("rnn", Set.of("clip"), "clip", Set.of("rnn", "util"), "util", Set.of()))));
        assertEquals("a → b → c → a", cycle(new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a")))));
        assertEquals(null, cycle(Map.of("train", Set.of("rnn", "clip"), "clip", Set.of("rnn"), "rnn", Set.of("util"))));
    }

    @Test
    void theConstantPoolNamesTheClassesAFileUses() throws Exception {
        Path classes = Path.of(io.github.rnnkit.util.Check.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (InputStream in = Files.newInputStream(classes.resolve("io/github/rnnkit/gated/Lstm.class"))) {
            assertTrue(constantPoolTexts(in).stream().anyMatch(t -> t.contains("io/github/rnnkit/util/Matrices")));
        }
    }
}
