package io.github.rnnkit.grade.checker;

import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;

import java.util.ArrayList;
import java.util.List;

/**
 * One solution cell of a submission, cut into snippets the way the Java kernel (JShell) cuts a
 * cell. Each piece is a method declaration, an import, something else a solution cell may not
 * hold (a variable, a class, a statement), or code JShell cannot read, which the compiler looks
 * at next ({@link Kind#UNREADABLE}). The lesson's first cell is cut the same way for its imports.
 */
public final class SolutionCell {

    /** What a piece of a cell is. */
    public enum Kind { METHOD, IMPORT, OTHER, UNREADABLE }

    /**
     * A piece of a cell: its exact source, the 1-based line of the cell it starts on, its kind,
     * and for {@link Kind#OTHER} what it is ("an import", "a variable", …).
     */
    public record Piece(String source, int line, Kind kind, String what) {

        /** How the student is told about a piece that was left out: "a variable (`int T = 5;`)". */
        public String described() {
            String first = source.strip().lines().findFirst().orElse("").strip();
            return what + " (`" + (first.length() > 60 ? first.substring(0, 57) + "..." : first) + "`)";
        }
    }

    private final String id;
    private final List<Piece> pieces;

    private SolutionCell(String id, List<Piece> pieces) {
        this.id = id;
        this.pieces = List.copyOf(pieces);
    }

    /** Cuts {@code source} into snippets with JShell's own analysis. */
    public static SolutionCell split(String id, String source, SourceCodeAnalysis analysis) {
        List<Piece> pieces = new ArrayList<>();
        String rest = source;
        int line = 1;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            String remaining = info.remaining();
            if (info.source() == null || !info.completeness().isComplete() || remaining == null
                    || !rest.endsWith(remaining) || remaining.length() >= rest.length()) {
                pieces.add(new Piece(rest, line, Kind.UNREADABLE, "code that does not compile"));
                break;
            }
            String taken = rest.substring(0, rest.length() - remaining.length());
            pieces.add(classify(taken, line, analysis));
            line += (int) taken.chars().filter(c -> c == '\n').count();
            rest = remaining;
        }
        return new SolutionCell(id, pieces);
    }

    private static Piece classify(String source, int line, SourceCodeAnalysis analysis) {
        List<Snippet> snippets = analysis.sourceToSnippets(source);
        Snippet.Kind kind = snippets.isEmpty() ? Snippet.Kind.ERRONEOUS : snippets.get(0).kind();
        switch (kind) {
            case METHOD:
                return new Piece(source, line, Kind.METHOD, "a method");
            case IMPORT:
                return new Piece(source, line, Kind.IMPORT, "an import");
            case VAR:
                return new Piece(source, line, Kind.OTHER, "a variable");
            case TYPE_DECL:
                return new Piece(source, line, Kind.OTHER, typeKind(snippets.get(0).subKind()));
            case EXPRESSION:
                return new Piece(source, line, Kind.OTHER, "an expression");
            case STATEMENT:
                return new Piece(source, line, Kind.OTHER, "a statement");
            default:
                return new Piece(source, line, Kind.UNREADABLE, "a statement");
        }
    }

    private static String typeKind(Snippet.SubKind subKind) {
        switch (subKind) {
            case INTERFACE_SUBKIND:
                return "an interface";
            case ENUM_SUBKIND:
                return "an enum";
            case ANNOTATION_TYPE_SUBKIND:
                return "an annotation type";
            case RECORD_SUBKIND:
                return "a record";
            default:
                return "a class";
        }
    }

    /** The cell's grade_id, e.g. "stable-softmax-solution". */
    public String id() {
        return id;
    }

    /** Every piece of the cell, in order. */
    public List<Piece> pieces() {
        return pieces;
    }
}
