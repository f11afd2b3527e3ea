package io.github.rnnkit.grade.checker;

import jdk.jshell.JShell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SolutionCellTest {

    private static JShell shell;

    @BeforeAll
    static void start() {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        shell = JShell.builder().executionEngine("local").out(quiet).err(quiet).build();
    }

    @AfterAll
    static void stop() {
        shell.close();
    }

    private static List<SolutionCell.Piece> pieces(String source) {
        return SolutionCell.split("x-solution", source, shell.sourceCodeAnalysis()).pieces();
    }

    @Test
    void aMethodIsKeptWithTheLineItStartsOn() {
        List<SolutionCell.Piece> found = pieces("// a comment\n\ndouble f(double x) {\n    return x;\n}\n");
        assertEquals(List.of(SolutionCell.Kind.METHOD), found.stream().map(SolutionCell.Piece::kind).toList());
        assertEquals(1, found.get(0).line());
        assertEquals(3, found.get(0).source().lines().toList().indexOf("double f(double x) {") + 1);
    }

    @Test
    void everythingButMethodsIsNamedAsTheStudentWroteIt() {
        List<SolutionCell.Piece> found = pieces("import java.util.List;\nint T = 5;\nclass NoCheck { }\nrecord R(int a) { }\n"
                + "System.out.println(T);\ndouble f() { return 1; }\n");
        assertEquals(List.of("an import (`import java.util.List;`)", "a variable (`int T = 5;`)", "a class (`class NoCheck { }`)",
                        "a record (`record R(int a) { }`)", "a statement (`System.out.println(T);`)", "a method (`double f() { return 1; }`)"),
                found.stream().map(SolutionCell.Piece::described).toList());
    }

    @Test
    void piecesStartOnTheLinesOfTheCell() {
        List<SolutionCell.Piece> found = pieces("int a = 1;\n\ndouble f() {\n  return 1;\n}\ndouble g() { return 2; }\n");
        for (SolutionCell.Piece p : found) {
            String firstCode = p.source().strip().lines().findFirst().orElseThrow();
            int offset = (int) p.source().substring(0, p.source().indexOf(firstCode)).chars().filter(c -> c == '\n').count();
            int expected = List.of("int a = 1;", "", "double f() {", "  return 1;", "}", "double g() { return 2; }")
                    .indexOf(firstCode) + 1;
            assertEquals(expected, p.line() + offset, firstCode);
        }
    }

    @Test
    void codeThatDoesNotFinishIsLeftForTheCompilerToExplain() {
        List<SolutionCell.Piece> found = pieces("double f() {\n  return 1;\n");
        assertEquals(List.of(SolutionCell.Kind.UNREADABLE), found.stream().map(SolutionCell.Piece::kind).toList());
    }
}
