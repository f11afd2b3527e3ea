package io.github.rnnkit.grade.checker;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;

import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One piece of a solution cell, read by the compiler's parser on its own, in a class body: it is
 * method declarations (and only those: each with a return type and a body), method declarations
 * with a syntax error, or something else. The grader compiles a piece exactly as written; it never
 * edits the text (javac has already decoded every Unicode escape and comment when it builds the
 * tree, which a search in the text would not have), so this reading is what the compiled class holds.
 */
final class Declarations {

    private static final String WRAPPER = "final class Piece {\n";

    /** A piece that compiles as declarations, one that reads as methods but has a syntax error, or neither. */
    enum Shape { METHODS, BROKEN_METHODS, NOT_METHODS }

    private final SolutionCell.Piece piece;
    private final String cellId;
    private final Shape shape;
    private final List<String> names;
    private final String syntaxError;

    private Declarations(String cellId, SolutionCell.Piece piece, Shape shape, List<String> names, String syntaxError) {
        this.cellId = cellId;
        this.piece = piece;
        this.shape = shape;
        this.names = List.copyOf(names);
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
        List<Declarations> read = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, SolutionCell.Piece> e : pieces.entrySet()) {
            CompilationUnitTree unit = run.units().get(i++);
            read.add(of(cellOf.get(e.getKey()), e.getValue(), unit, firstError(run, e.getKey())));
        }
        return read;
    }

    private static Declarations of(String cellId, SolutionCell.Piece piece, CompilationUnitTree unit,
                                   Diagnostic<? extends JavaFileObject> error) {
        List<String> names = new ArrayList<>();
        boolean onlyMethods = unit.getTypeDecls().size() == 1 && unit.getImports().isEmpty() && unit.getPackage() == null;
        if (onlyMethods) {
            ClassTree wrapper = (ClassTree) unit.getTypeDecls().get(0);
            onlyMethods = !wrapper.getMembers().isEmpty();
            for (Tree member : wrapper.getMembers()) {
                if (member instanceof MethodTree m && m.getReturnType() != null && m.getBody() != null) {
                    names.add(m.getName().toString());
                } else {
                    onlyMethods = false;
                }
            }
        }
        if (error != null) {
            String message = "line " + (piece.line() + error.getLineNumber() - 2) + ": " + Javac.message(error);
            return new Declarations(cellId, piece, onlyMethods || !names.isEmpty() ? Shape.BROKEN_METHODS : Shape.NOT_METHODS,
                    List.of(), message);
        }
        return new Declarations(cellId, piece, onlyMethods ? Shape.METHODS : Shape.NOT_METHODS, names, null);
    }

    private static Diagnostic<? extends JavaFileObject> firstError(Javac.Run run, String name) {
        return run.errors().stream().filter(d -> Javac.sourceName(d).equals(name)).findFirst().orElse(null);
    }

    /** The piece's text, exactly as the student wrote it. */
    String source() {
        return piece.source();
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
        return names;
    }

    /** Lines in the piece's source. */
    int lines() {
        return (int) piece.source().chars().filter(c -> c == '\n').count() + 1;
    }
}
