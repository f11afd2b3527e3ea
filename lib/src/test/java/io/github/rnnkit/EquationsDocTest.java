package io.github.rnnkit;

import io.github.rnnkit.core.Loss;
import io.github.rnnkit.core.Softmax;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/equations.md against the library, row by row: every class and method a row's code column names
 * exists in lib/src/main, and the first one named, where the reader lands, states the row's equations
 * in its Javadoc (its own, or its class's).
 *
 * <p>A code column is read left to right: {@code `Class.member.member`} resolves the class (in the
 * section's package first, then in any package; {@code `plot.Class`} names the package), then each
 * member in turn (a method, field, nested class or record component; arguments in parentheses are
 * ignored) on the type the one before returns; a bare {@code `member`} or {@code `Nested`} belongs to the
 * last class named before it in the same cell. The first member after a class must be declared in that
 * class's own source file, so a reader who opens it finds the line. An equation is a statement
 * "lhs = …" of the equation column whose left-hand side is one symbol (no space); "lhs=" (or "lhs+=",
 * "lhs←") must appear in the Javadoc, compared with spaces, braces and the minus sign's forms removed.
 */
class EquationsDocTest {

    static final String KIT = "io.github.rnnkit";
    static final Path DOC = Path.of("..", "docs", "equations.md");
    static final Path SOURCES = Path.of("src", "main", "java", "io", "github", "rnnkit");

    private static final Pattern SECTION = Pattern.compile("^## .*`(\\w+)`\\s*$");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    /** One table row of the document: its line, the package of its section, its two cells. */
    record Row(int line, String section, String equation, String code) {
        @Override
        public String toString() {
            return "docs/equations.md:" + line;
        }
    }

    /** Where a row's first code element is: its class, member (or null) and the Javadoc that speaks for it. */
    record Landing(Class<?> type, String member, String javadoc, Path file, int line) {
    }

    static List<Row> rows(List<String> lines) {
        List<Row> rows = new ArrayList<>();
        String section = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher s = SECTION.matcher(line);
            if (s.matches()) {
                section = s.group(1);
            } else if (line.startsWith("|") && !line.startsWith("|---") && !line.startsWith("| equation |")) {
                List<String> cells = cells(line);
                if (cells.size() != 2) {
                    throw new IllegalStateException("docs/equations.md:" + (i + 1) + ": expected two cells, got " + cells);
                }
                rows.add(new Row(i + 1, section, cells.get(0), cells.get(1)));
            }
        }
        return rows;
    }

    /** A table line's cells, split on | but not on \| (an absolute value inside a cell). */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.substring(1, line.length() - (line.endsWith("|") ? 1 : 0)).split("(?<!\\\\)\\|")) {
            cells.add(cell.trim().replace("\\|", "|"));
        }
        return cells;
    }

    /** The code spans of a cell, each with its argument lists taken out: `adagrad(η).clip(…)` → adagrad.clip. */
    static List<String> names(String code) {
        List<String> names = new ArrayList<>();
        Matcher m = CODE.matcher(code);
        while (m.find()) {
            String name = m.group(1);
            String before;
            do {
                before = name;
                name = name.replaceAll("\\([^()]*\\)", "");
            } while (!name.equals(before));
            names.add(name.trim());
        }
        return names;
    }

    /** Every problem with a row's code cell, empty when each name resolves; landings collects where each name lands. */
    static List<String> problems(Row row, List<Landing> landings) {
        List<String> problems = new ArrayList<>();
        Class<?> context = null;
        List<Class<?>> named = new ArrayList<>();
        for (String name : names(row.code())) {
            List<String> parts = new ArrayList<>(List.of(name.split("\\.")));
            Class<?> type = null;
            if (parts.size() > 1 && Character.isLowerCase(parts.get(0).charAt(0))
                    && Files.isDirectory(SOURCES.resolve(parts.get(0)))) {
                type = find(parts.get(0), parts.get(1)).orElse(null);
                if (type == null) {
                    problems.add(row + ": no class " + parts.get(1) + " in package " + parts.get(0) + " (`" + name + "`)");
                    continue;
                }
                parts = parts.subList(2, parts.size());
            } else if (Character.isUpperCase(parts.get(0).charAt(0)) && !parts.get(0).equals(parts.get(0).toUpperCase())) {
                type = resolveClass(parts.get(0), row.section(), context).orElse(null);
                if (type == null) {
                    problems.add(row + ": no class " + parts.get(0) + " in lib/src/main (`" + name + "`)");
                    continue;
                }
                parts = parts.subList(1, parts.size());
            } else if (context == null) {
                problems.add(row + ": `" + name + "` names a member before any class");
                continue;
            } else {
                type = context;
                for (int k = named.size() - 1; k >= 0 && members(type, parts.get(0), true).isEmpty(); k--) {
                    type = named.get(k);
                }
            }
            if (!named.contains(type)) {
                named.add(type);
            }
            boolean first = true;
            boolean landed = false;
            Set<Class<?>> owners = Set.of(type);
            for (String member : parts) {
                Set<Class<?>> next = new LinkedHashSet<>();
                for (Class<?> owner : owners) {
                    next.addAll(members(owner, member, first && owner == type));
                }
                if (next.isEmpty()) {
                    problems.add(row + ": " + owners.iterator().next().getSimpleName() + " declares no " + member
                            + (first ? " in its own source" : "") + " (`" + name + "`)");
                    break;
                }
                if (first) {
                    landings.add(landing(type, member));
                    landed = true;
                }
                first = false;
                owners = next;
            }
            if (!landed) {
                landings.add(landing(type, null));
            }
            context = type;
        }
        return problems;
    }

    /** A class by simple name: nested in the context class, in the section's package, or in any one package. */
    static Optional<Class<?>> resolveClass(String simple, String section, Class<?> context) {
        if (context != null) {
            for (Class<?> nested : context.getDeclaredClasses()) {
                if (nested.getSimpleName().equals(simple)) {
                    return Optional.of(nested);
                }
            }
        }
        if (section != null) {
            Optional<Class<?>> here = find(section, simple);
            if (here.isPresent()) {
                return here;
            }
        }
        List<Class<?>> found = new ArrayList<>();
        try (var dirs = Files.list(SOURCES)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                find(dir.getFileName().toString(), simple).ifPresent(found::add);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    static Optional<Class<?>> find(String pkg, String simple) {
        try {
            return Optional.of(Class.forName(KIT + "." + pkg + "." + simple));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * The types a member named {@code name} of {@code owner} gives: a method's return types, a field's or
     * record component's type, a nested class itself. Own: declared in owner's source, not inherited.
     */
    static Set<Class<?>> members(Class<?> owner, String name, boolean own) {
        Set<Class<?>> types = new LinkedHashSet<>();
        for (Class<?> c = owner; c != null; c = own ? null : c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(name) && !m.isSynthetic() && !m.isBridge()) {
                    types.add(m.getReturnType());
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name)) {
                    types.add(f.getType());
                }
            }
            for (Class<?> nested : c.getDeclaredClasses()) {
                if (nested.getSimpleName().equals(name)) {
                    types.add(nested);
                }
            }
            if (c.isRecord()) {
                for (RecordComponent rc : c.getRecordComponents()) {
                    if (rc.getName().equals(name)) {
                        types.add(rc.getType());
                    }
                }
            }
        }
        if (!own) {
            for (Class<?> i : owner.getInterfaces()) {
                types.addAll(members(i, name, false));
            }
        }
        return types;
    }

    /** The source file of a class (its outermost class's file). */
    static Path source(Class<?> type) {
        Class<?> top = type;
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        return SOURCES.resolve(top.getPackageName().substring(KIT.length() + 1)).resolve(top.getSimpleName() + ".java");
    }

    /** The Javadoc of a member (every overload's, joined) and of its class, and the line of its first declaration. */
    static Landing landing(Class<?> type, String member) {
        Path file = source(type);
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalStateException(file + ": " + e);
        }
        Pattern classDecl = Pattern.compile("^\\s*(public |protected |private |static |final |abstract |sealed )*"
                + "(class|interface|record|enum) " + type.getSimpleName() + "\\b.*");
        Pattern memberDecl = member == null ? null
                : Pattern.compile("^\\s*(?!return\\b)[\\w<>\\[\\], .?]*\\b" + Pattern.quote(member) + "\\s*(\\(|=|;).*|.*\\b(class|record|interface) "
                        + Pattern.quote(member) + "\\b.*");
        StringBuilder doc = new StringBuilder();
        StringBuilder pending = new StringBuilder();
        int line = 0;
        boolean inDoc = false;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            String t = l.trim();
            if (t.startsWith("/**")) {
                inDoc = true;
                pending.setLength(0);
            }
            if (inDoc) {
                pending.append(t).append('\n');
                inDoc = !t.endsWith("*/");
                continue;
            }
            if (t.startsWith("@") || t.isEmpty()) {
                continue;
            }
            boolean isClass = classDecl.matcher(l).matches();
            boolean isMember = memberDecl != null && !t.startsWith("//") && !t.startsWith("*") && memberDecl.matcher(l).matches()
                    && !t.contains(" new ") && !t.startsWith("return");
            if (isClass || isMember) {
                doc.append(pending);
                if (line == 0 && (member == null ? isClass : isMember)) {
                    line = i + 1;
                }
            }
            pending.setLength(0);
        }
        return new Landing(type, member, doc.toString(), file, line);
    }

    /**
     * The one-symbol left-hand sides of the statements "lhs = …" of an equation cell: the cell is cut at
     * commas, semicolons and " and " outside brackets, a "label:" before a statement is dropped, and a
     * left-hand side with a space in it is prose, not a symbol.
     */
    static List<String> leftHandSides(String equation) {
        List<String> pieces = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < equation.length(); i++) {
            char c = equation.charAt(i);
            depth += "([{".indexOf(c) >= 0 ? 1 : ")]}".indexOf(c) >= 0 ? -1 : 0;
            boolean and = equation.startsWith(" and ", i);
            if (depth == 0 && (c == ',' || c == ';' || and)) {
                pieces.add(equation.substring(start, i));
                start = i + (and ? 5 : 1);
            }
        }
        pieces.add(equation.substring(start));
        List<String> sides = new ArrayList<>();
        for (String piece : pieces) {
            int eq = piece.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String side = piece.substring(0, eq).trim();
            int label = side.lastIndexOf(": ");
            side = (label >= 0 ? side.substring(label + 2) : side).trim();
            if (!side.isEmpty() && !side.contains(" ")) {
                sides.add(side);
            }
        }
        return sides;
    }

    static String normal(String text) {
        return text.replaceAll("[\\s{}*]", "").replace('−', '-').replace('–', '-');
    }

    static List<Row> documentRows() throws IOException {
        return rows(Files.readAllLines(DOC));
    }

    @Test
    void everyClassAndMethodTheDocumentNamesExists() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Row> rows = documentRows();
        for (Row row : rows) {
            problems.addAll(problems(row, new ArrayList<>()));
        }
        assertTrue(rows.size() > 40, "rows read: " + rows.size());
        assertEquals(List.of(), problems);
    }

    @Test
    void theFirstPlaceARowNamesStatesItsLeadEquationAndEveryEquationIsStatedWhereTheRowPoints() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Row row : documentRows()) {
            problems.addAll(javadocProblems(row));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aMethodOrClassThatDoesNotExistIsReported() {
        assertEquals(List.of("docs/equations.md:1: Rnn declares no forwards in its own source (`Rnn.forwards`)"),
                problems(new Row(1, "rnn", "h_t = f(z_t)", "`Rnn.forwards`"), new ArrayList<>()));
        assertEquals(List.of("docs/equations.md:2: no class Rnm in lib/src/main (`Rnm.forward`)"),
                problems(new Row(2, "rnn", "h_t = f(z_t)", "`Rnm.forward`"), new ArrayList<>()));
        assertEquals(List.of("docs/equations.md:3: Softmax declares no crossEntropi (`crossEntropi`)"),
                problems(new Row(3, "rnn", "x", "`Softmax.of`, `crossEntropi`"), new ArrayList<>()).stream()
                        .map(p -> p.replace(" in its own source", "")).toList());
    }

    @Test
    void aMethodTheClassOnlyInheritsIsNotWhereAReaderLands() {
        assertEquals(List.of("docs/equations.md:4: Lstm declares no crossEntropy in its own source (`Lstm.crossEntropy`)"),
                problems(new Row(4, "gated", "x", "`Lstm.crossEntropy`"), new ArrayList<>()));
        assertEquals(List.of(), problems(new Row(5, "gated", "x", "`GatedNetwork.crossEntropy`"), new ArrayList<>()));
    }

    @Test
    void anEquationTheJavadocThereDoesNotStateIsReported() {
        Row stated = new Row(6, "core", "p_t = softmax(o_t)", "`Softmax.of`");
        Row notStated = new Row(7, "core", "p_t = softmax(o_t)", "`Softmax.logSumExp`");
        Row secondNowhere = new Row(8, "core", "p_t = softmax(o_t), q_t = σ(a_t)", "`Softmax.of`, `Loss.crossEntropy`");
        assertEquals(List.of(), javadocProblems(stated));
        assertEquals(2, javadocProblems(notStated).size(), javadocProblems(notStated).toString());
        assertEquals(List.of("docs/equations.md:8: no class or method the row names states q_t = … (first: "
                + "lib/src/main/java/io/github/rnnkit/core/Softmax.java:23 (Softmax.of))"), javadocProblems(secondNowhere));
    }

    @Test
    void tableCellsSplitOnBarsButNotOnEscapedBarsAndArgumentsAreDropped() {
        List<Row> rows = rows(List.of("## Clipping — `clip`", "| equation | code |", "|---|---|",
                "| rel = \\|a\\| | `Trainer.sgd`/`adagrad(η).clip(…).train(network, steps, data)` |"));
        assertEquals(List.of(new Row(4, "clip", "rel = |a|", "`Trainer.sgd`/`adagrad(η).clip(…).train(network, steps, data)`")), rows);
        assertEquals(List.of("Trainer.sgd", "adagrad.clip.train"), names(rows.get(0).code()));
        assertEquals(List.of("z_t", "h_t", "∂L/∂o_t", "f'(z_t,i)"),
                leftHandSides("z_t = U x_t, h_t = f(z_t) and ∂L/∂o_t = p_t; dead units: f'(z_t,i) = 0, W orthogonal"));
    }

    /** The row's lead equation stated where it lands first, and each of its equations somewhere it points. */
    static List<String> javadocProblems(Row row) {
        List<String> problems = new ArrayList<>();
        List<Landing> landings = new ArrayList<>();
        problems(row, landings);
        List<String> sides = leftHandSides(row.equation());
        if (landings.isEmpty() || sides.isEmpty()) {
            return problems;
        }
        Landing first = landings.get(0);
        if (!states(javadoc(first), sides.get(0))) {
            problems.add(row + ": " + where(first) + " states no " + sides.get(0) + " = … in its Javadoc or its class's");
        }
        String all = landings.stream().map(EquationsDocTest::javadoc).reduce("", String::concat);
        for (String side : sides) {
            if (!states(all, side)) {
                problems.add(row + ": no class or method the row names states " + side + " = … (first: " + where(first) + ")");
            }
        }
        return problems;
    }

    /** A landing's Javadoc with its class's, normalised. */
    static String javadoc(Landing l) {
        return normal(l.javadoc() + (l.member() == null ? "" : landing(l.type(), null).javadoc()));
    }

    /** Whether normalised Javadoc states "lhs = …" (or "lhs += …", "lhs ← …"). */
    static boolean states(String doc, String lhs) {
        String side = normal(lhs);
        return doc.contains(side + "=") || doc.contains(side + "+=") || doc.contains(side + "←");
    }

    static String where(Landing l) {
        return "lib/" + l.file() + ":" + l.line() + " (" + l.type().getSimpleName() + (l.member() == null ? "" : "." + l.member()) + ")";
    }
}
