package io.github.rnnkit.grade.checker;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;

import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;
import java.util.ArrayList;
import java.util.List;

/**
 * Every declaration a piece of code uses, as the compiler resolved it: the types it names, the
 * fields it reads, the methods and constructors it calls or refers to ({@code Foo::bar}), with
 * the line of each use, and the classes it declares (local and anonymous). A class literal
 * ({@code Foo.class}) counts as a use of {@code java.lang.Class}.
 */
final class Uses extends TreePathScanner<Void, Void> {

    /**
     * A declaration used on a line of the compiled source; {@code declared} when the code declares it (a local or
     * anonymous class) rather than uses it.
     */
    record Use(Element element, long line, boolean declared) {
    }

    private final Trees trees;
    private final Elements elements;
    private final CompilationUnitTree unit;
    private final List<Use> found = new ArrayList<>();

    private Uses(Trees trees, Elements elements, CompilationUnitTree unit) {
        this.trees = trees;
        this.elements = elements;
        this.unit = unit;
    }

    /** The uses inside the tree at {@code path}. */
    static List<Use> in(TreePath path, Trees trees, Elements elements) {
        Uses uses = new Uses(trees, elements, path.getCompilationUnit());
        uses.scan(path, null);
        return uses.found;
    }

    @Override
    public Void visitClass(ClassTree tree, Void unused) {
        Element declared = trees.getElement(getCurrentPath());
        long position = trees.getSourcePositions().getStartPosition(unit, tree);
        found.add(new Use(declared, unit.getLineMap().getLineNumber(position), true));
        return super.visitClass(tree, unused);
    }

    @Override
    public Void visitIdentifier(IdentifierTree tree, Void unused) {
        record(getCurrentPath(), tree);
        return super.visitIdentifier(tree, unused);
    }

    @Override
    public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
        if (tree.getIdentifier().contentEquals("class")) {
            add(elements.getTypeElement("java.lang.Class"), tree);
        } else {
            record(getCurrentPath(), tree);
        }
        return super.visitMemberSelect(tree, unused);
    }

    @Override
    public Void visitNewClass(NewClassTree tree, Void unused) {
        record(getCurrentPath(), tree);
        return super.visitNewClass(tree, unused);
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
        record(getCurrentPath(), tree);
        return super.visitMemberReference(tree, unused);
    }

    private void record(TreePath path, Tree tree) {
        add(trees.getElement(path), tree);
    }

    private void add(Element element, Tree tree) {
        if (element != null) {
            long position = trees.getSourcePositions().getStartPosition(unit, tree);
            found.add(new Use(element, unit.getLineMap().getLineNumber(position), false));
        }
    }
}
