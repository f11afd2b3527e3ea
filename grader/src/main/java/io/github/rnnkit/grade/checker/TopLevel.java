package io.github.rnnkit.grade.checker;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.tree.JCTree;

import java.util.Set;

/**
 * JShell's reading of a top-level method, made on the tree javac parsed from the student's text:
 * every method of the Submission class becomes {@code static} and loses its access and other
 * modifiers (JShell ignores them at the top level), so a method means the same in the kernel and
 * in the grader. Methods whose start position is in {@code leftOut} are taken out of the class.
 * The text is never touched: javac has decoded escapes and comments, and the tree is what runs.
 */
final class TopLevel implements Javac.Shaping {

    private static final long DROPPED = Flags.PUBLIC | Flags.PRIVATE | Flags.PROTECTED | Flags.ABSTRACT | Flags.FINAL
            | Flags.SYNCHRONIZED | Flags.NATIVE | Flags.STRICTFP | Flags.DEFAULT;

    private final String sourceName;
    private final Set<Long> leftOut;

    TopLevel(String sourceName, Set<Long> leftOut) {
        this.sourceName = sourceName;
        this.leftOut = Set.copyOf(leftOut);
    }

    @Override
    public void shape(CompilationUnitTree unit) {
        if (!unit.getSourceFile().getName().endsWith("/" + sourceName + ".java")) {
            return;
        }
        for (JCTree type : ((JCTree.JCCompilationUnit) unit).defs) {
            if (type instanceof JCTree.JCClassDecl c) {
                c.defs = c.defs.stream().filter(m -> !(m instanceof JCTree.JCMethodDecl method && leftOut.contains(start(method))))
                        .collect(com.sun.tools.javac.util.List.collector());
                for (JCTree member : c.defs) {
                    if (member instanceof JCTree.JCMethodDecl m) {
                        m.mods.flags = (m.mods.flags & ~DROPPED) | Flags.STATIC;
                    }
                }
            }
        }
    }

    /** Where a method starts in its source: the same in every parse of the same text. */
    static long start(JCTree.JCMethodDecl method) {
        return com.sun.tools.javac.tree.TreeInfo.getStartPos(method);
    }
}
