package io.github.rnnkit.grade.checker;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;

import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The method declarations of one piece of a solution cell, as the grader compiles them: each
 * made {@code static} with its access modifiers dropped (JShell ignores them at the top level,
 * so a method means the same in the kernel and in the grader), lines kept where they were so a
 * compiler error points at the student's own line. A piece that does not read as method
 * declarations alone is refused.
 */
final class Declarations {

    private static final String WRAPPER = "final class Piece {\n";
    private static final String BODY_STUB = "{ throw new UnsupportedOperationException(\"forbidden\"); }";

    /** Where a method's parts sit in the piece's source. */
    private record Method(String name, int regionStart, int restStart, List<int[]> annotations, int bodyStart, int bodyEnd) {
    }

    /** A piece that compiles as declarations, one that reads as methods but has a syntax error, or neither. */
    enum Shape { METHODS, BROKEN_METHODS, NOT_METHODS }

    private final SolutionCell.Piece piece;
    private final String cellId;
    private final Shape shape;
    private final List<Method> methods;
    private final String syntaxError;

    private Declarations(String cellId, SolutionCell.Piece piece, Shape shape, List<Method> methods, String syntaxError) {
        this.cellId = cellId;
        this.piece = piece;
        this.shape = shape;
        this.methods = methods;
        this.syntaxError = syntaxError;
    }

    /** Reads every piece with the compiler's parser, all in one run. */
    static List<Declarations> read(Map<String, SolutionCell.Piece> pieces, Map<String, String> cellOf, Javac javac) {
        if (pieces.isEmpty()) {
            return List.of();
        }
        Map<String, String> sources = new LinkedHashMap<>();
        pieces.forEach((name, piece) -> sources.put(name, WRAPPER + piece.source() + "\n}\n"));
        Javac.Run run = javac.parse(sources);
        SourcePositions positions = Trees.instance(run.task()).getSourcePositions();
        List<Declarations> read = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, SolutionCell.Piece> e : pieces.entrySet()) {
            CompilationUnitTree unit = run.units().get(i++);
            read.add(of(cellOf.get(e.getKey()), e.getValue(), unit, positions, firstError(run, e.getKey())));
        }
        return read;
    }

    private static Declarations of(String cellId, SolutionCell.Piece piece, CompilationUnitTree unit,
                                   SourcePositions positions, Diagnostic<? extends JavaFileObject> error) {
        List<Method> methods = new ArrayList<>();
        boolean onlyMethods = unit.getTypeDecls().size() == 1 && unit.getImports().isEmpty();
        if (onlyMethods) {
            ClassTree wrapper = (ClassTree) unit.getTypeDecls().get(0);
            onlyMethods = !wrapper.getMembers().isEmpty();
            for (Tree member : wrapper.getMembers()) {
                if (member instanceof MethodTree m && m.getReturnType() != null) {
                    methods.add(locate(m, unit, positions, piece.source()));
                } else {
                    onlyMethods = false;
                }
            }
        }
        if (error != null) {
            String message = "line " + (piece.line() + error.getLineNumber() - 2) + ": " + Javac.message(error);
            return new Declarations(cellId, piece, onlyMethods || !methods.isEmpty() ? Shape.BROKEN_METHODS : Shape.NOT_METHODS,
                    List.of(), message);
        }
        return new Declarations(cellId, piece, onlyMethods ? Shape.METHODS : Shape.NOT_METHODS, methods, null);
    }

    private static Method locate(MethodTree m, CompilationUnitTree unit, SourcePositions positions, String source) {
        int shift = WRAPPER.length();
        ModifiersTree mods = m.getModifiers();
        int restStart;
        if (m.getTypeParameters().isEmpty()) {
            restStart = (int) positions.getStartPosition(unit, m.getReturnType()) - shift;
        } else {
            int first = (int) positions.getStartPosition(unit, m.getTypeParameters().get(0)) - shift;
            restStart = source.lastIndexOf('<', first);
        }
        long modsStart = positions.getStartPosition(unit, mods);
        int regionStart = modsStart < 0 ? restStart : Math.min(restStart, (int) modsStart - shift);
        List<int[]> annotations = new ArrayList<>();
        for (AnnotationTree a : mods.getAnnotations()) {
            annotations.add(new int[] {(int) positions.getStartPosition(unit, a) - shift,
                    (int) positions.getEndPosition(unit, a) - shift});
        }
        int bodyStart = m.getBody() == null ? -1 : (int) positions.getStartPosition(unit, m.getBody()) - shift;
        int bodyEnd = m.getBody() == null ? -1 : (int) positions.getEndPosition(unit, m.getBody()) - shift;
        return new Method(m.getName().toString(), regionStart, restStart, annotations, bodyStart, bodyEnd);
    }

    private static Diagnostic<? extends JavaFileObject> firstError(Javac.Run run, String name) {
        return run.errors().stream().filter(d -> Javac.sourceName(d).equals(name)).findFirst().orElse(null);
    }

    /**
     * The source to compile: static methods without access modifiers, the same number of lines;
     * with {@code stubbed}, every body throws instead, so code that breaks a rule never runs.
     */
    String compiled(boolean stubbed) {
        StringBuilder out = new StringBuilder(piece.source());
        for (int k = methods.size() - 1; k >= 0; k--) {
            Method m = methods.get(k);
            if (stubbed && m.bodyStart() >= 0) {
                String body = out.substring(m.bodyStart(), m.bodyEnd());
                out.replace(m.bodyStart(), m.bodyEnd(), BODY_STUB + "\n".repeat((int) body.chars().filter(c -> c == '\n').count()));
            }
            out.insert(m.restStart(), "static ");
            for (int p = m.regionStart(); p < m.restStart(); p++) {
                if (out.charAt(p) != '\n' && !insideAnnotation(m, p)) {
                    out.setCharAt(p, ' ');
                }
            }
        }
        return out.toString();
    }

    private static boolean insideAnnotation(Method m, int p) {
        return m.annotations().stream().anyMatch(a -> p >= a[0] && p < a[1]);
    }

    String cellId() {
        return cellId;
    }

    SolutionCell.Piece piece() {
        return piece;
    }

    Shape shape() {
        return shape;
    }

    /** The compiler's first complaint about a piece that reads as methods but does not parse. */
    String syntaxError() {
        return syntaxError;
    }

    /** The names of the methods declared, in order. */
    List<String> names() {
        return methods.stream().map(Method::name).toList();
    }

    /** Lines in the piece's source. */
    int lines() {
        return (int) piece.source().chars().filter(c -> c == '\n').count() + 1;
    }
}
