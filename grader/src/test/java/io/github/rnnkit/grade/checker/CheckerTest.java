package io.github.rnnkit.grade.checker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckerTest {

    private static final String IMPORTS = "import io.github.rnnkit.grade.Exercise;\nimport io.github.rnnkit.grade.Expect;\n"
            + "import io.github.rnnkit.activation.Activations;\nint lessonVariable = 3;\n";
    private static final String SQUARE_TEST = "Exercise.check(\"square\", 1, () -> Expect.close(9.0, square(3), 0, \"square(3)\"));";
    private static final String HALF_TEST = "Exercise.check(\"half\", 1, () -> Expect.close(1.5, half(3), 0, \"half(3)\"));";

    @TempDir
    Path out;

    /** Two exercises, square and half, with the given solution cells (null: missing) and forbidden lists. */
    private Map<String, Assessment> check(String square, String half, List<String> squareForbidden) {
        Job job = new Job(IMPORTS, List.of(new Job.Cell("square-solution", square), new Job.Cell("half-solution", half)),
                List.of(new Job.Task("square", "square-solution", SQUARE_TEST, squareForbidden),
                        new Job.Task("half", "half-solution", HALF_TEST, List.of())));
        List<Assessment> found = Checker.check(job, out, System.getProperty("java.class.path"));
        return Map.of(found.get(0).id(), found.get(0), found.get(1).id(), found.get(1));
    }

    private static final String HALF = "double half(double x) {\n    return x / 2;\n}\n";

    @Test
    void methodsThatCompileAreRunnableAndTheirChecksAreWritten() {
        Map<String, Assessment> a = check("double square(double x) { return x * x; }", HALF, List.of());
        assertEquals(Assessment.Status.RUNNABLE, a.get("square").status());
        assertEquals(Assessment.Status.RUNNABLE, a.get("half").status());
        assertTrue(Files.exists(out.resolve("graded/Submission.class")));
        assertTrue(Files.exists(out.resolve(a.get("square").checkClass().replace('.', '/') + ".class")));
    }

    @Test
    void aCompileErrorScoresItsOwnExerciseWithTheStudentsLineAndNotTheOthers() {
        Map<String, Assessment> a = check("// my answer\ndouble square(double x) {\n    return x * x\n}", HALF, List.of());
        assertEquals(Assessment.Status.DOES_NOT_COMPILE, a.get("square").status());
        assertTrue(a.get("square").message().startsWith("line 3: ';' expected"), a.get("square").message());
        assertEquals(Assessment.Status.RUNNABLE, a.get("half").status());
    }

    @Test
    void aTypeErrorNamesTheLineInTheCellAndNoGraderClass() {
        Map<String, Assessment> a = check("double square(double x) {\n    return \"x\";\n}", HALF, List.of());
        assertTrue(a.get("square").message().startsWith("line 2: incompatible types"), a.get("square").message());
        assertFalse(a.get("square").message().contains("graded"), a.get("square").message());
    }

    @Test
    void lessonVariablesDoNotExistForASolution() {
        Map<String, Assessment> a = check("double square(double x) { return x * x + lessonVariable - 3; }", HALF, List.of());
        assertEquals(Assessment.Status.DOES_NOT_COMPILE, a.get("square").status());
        assertTrue(a.get("square").message().contains("lessonVariable"), a.get("square").message());
    }

    @Test
    void importsVariablesAndStatementsAreLeftOutWithANote() {
        Map<String, Assessment> a = check("import java.util.List;\nObject Exercise = null;\nSystem.out.println(1);\n"
                + "double square(double x) { return x * x; }", HALF, List.of());
        assertEquals(Assessment.Status.RUNNABLE, a.get("square").status());
        assertEquals(3, a.get("square").notes().size(), a.get("square").notes().toString());
        assertTrue(a.get("square").notes().get(1).startsWith("left out a variable (`Object Exercise = null;`)"));
    }

    @Test
    void accessModifiersAndStaticAreIgnoredAsJShellIgnoresThem() {
        Map<String, Assessment> a = check("private static double square(double x) { return x * x; }",
                "public final double half(double x) { return x / 2; }", List.of());
        assertEquals(Assessment.Status.RUNNABLE, a.get("square").status());
        assertEquals(Assessment.Status.RUNNABLE, a.get("half").status());
    }

    @Test
    void aMissingCellIsMissing() {
        Map<String, Assessment> a = check(null, HALF, List.of());
        assertEquals(Assessment.Status.MISSING, a.get("square").status());
    }

    @Test
    void aSubmissionWithoutAnyMethodIsAssessedAllTheSame() {
        Map<String, Assessment> a = check(null, "int x = 1;", List.of());
        assertEquals(Assessment.Status.MISSING, a.get("square").status());
        assertEquals(Assessment.Status.DOES_NOT_COMPILE, a.get("half").status());
        assertEquals(List.of("left out a variable (`int x = 1;`): a solution cell may hold only method declarations"),
                a.get("half").notes());
    }

    @Test
    void aMethodTheCheckCannotCallIsSaidSo() {
        Map<String, Assessment> a = check("double square(String x) { return 0; }", HALF, List.of());
        assertEquals(Assessment.Status.DOES_NOT_COMPILE, a.get("square").status());
        assertTrue(a.get("square").message().startsWith("the check cannot call your solution"), a.get("square").message());
    }

    @Test
    void aForbiddenCallIsFoundThroughAVarAliasAndAMethodReference() {
        String viaVar = "double square(double x) {\n    var f = Activations.IDENTITY;\n    return f.apply(x) * x;\n}";
        String viaReference = "double square(double x) {\n    java.util.function.DoubleUnaryOperator f = Activations.IDENTITY::apply;\n"
                + "    return f.applyAsDouble(x) * x;\n}";
        for (String source : List.of(viaVar, viaReference)) {
            Assessment a = check(source, HALF, List.of("io.github.rnnkit.activation.Activation.apply")).get("square");
            assertEquals(Assessment.Status.FORBIDDEN, a.status(), source);
            assertTrue(a.message().startsWith("uses Activation.apply (line "), a.message());
        }
    }

    @Test
    void aForbiddenClassForbidsItsFieldsToo() {
        Assessment a = check("double square(double x) {\n    return Activations.IDENTITY.apply(x) * x;\n}", HALF,
                List.of("io.github.rnnkit.activation.Activations")).get("square");
        assertEquals("uses Activations.IDENTITY (line 2): this exercise asks you to compute it yourself", a.message());
    }

    @Test
    void theDenyListReachesHelpersInOtherCellsAndNamesWhere() {
        Map<String, Assessment> a = check("double square(double x) { return x * half(2 * x); }",
                "double half(double x) {\n    System.exit(0);\n    return x / 2;\n}", List.of());
        assertEquals(Assessment.Status.FORBIDDEN, a.get("square").status());
        assertEquals("uses System.exit (line 2 of solution cell 'half-solution'): a solution may not touch processes or "
                + "stop the JVM", a.get("square").message());
        assertEquals(Assessment.Status.FORBIDDEN, a.get("half").status());
    }

    @Test
    void reflectionThreadsAndFilesAreDeniedEvenWhenHidden() {
        List<String> attacks = List.of(
                "double square(double x) { Object c = String.class; return x * x; }",
                "double square(double x) { new Object() { void go() { new Thread(() -> { }).start(); } }.go(); return x * x; }",
                "double square(double x) { try { new java.io.FileWriter(\"/tmp/x\").close(); } catch (Exception e) { } return x * x; }",
                "double square(double x) { System.setOut(null); return x * x; }",
                "double square(double x) { return x * x + \"\".getClass().getName().length() * 0; }",
                "double square(double x) { tech.tablesaw.api.Table.read(); return x * x; }");
        for (String source : attacks) {
            assertEquals(Assessment.Status.FORBIDDEN, check(source, HALF, List.of()).get("square").status(), source);
        }
    }

    @Test
    void aDeniedMethodAndEveryMethodCallingItAreLeftOutOfTheCompiledClass() throws Exception {
        check("double square(double x) { return x * x; }",
                "double half(double x) {\n    System.exit(3);\n    return x;\n}\ndouble twice(double x) { return 4 * half(x); }", List.of());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> submission = loader.loadClass("graded.Submission");
            assertThrows(NoSuchMethodException.class, () -> submission.getDeclaredMethod("half", double.class));
            assertThrows(NoSuchMethodException.class, () -> submission.getDeclaredMethod("twice", double.class));
            Method square = submission.getDeclaredMethod("square", double.class);
            square.setAccessible(true);
            assertEquals(9.0, (double) square.invoke(null, 3.0));
        }
    }

    @Test
    void aUnicodeEscapedBracketCannotTurnACommentIntoCode() throws Exception {
        String smuggled = "public /* <X> void pad() { }\nstatic { System.exit(7); }\n/* */ \\u003cT> double square(double x) { return x * x; }";
        Map<String, Assessment> a = check(smuggled, HALF, List.of());
        assertEquals(Assessment.Status.RUNNABLE, a.get("square").status(), a.get("square").message());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> submission = loader.loadClass("graded.Submission");
            assertEquals(0, submission.getDeclaredFields().length);
            assertEquals(List.of("half", "square"), java.util.Arrays.stream(submission.getDeclaredMethods()).map(Method::getName).sorted().toList());
        }
    }

    @Test
    void aClassDeclaredInAMethodIsForbiddenLocalOrAnonymous() {
        for (String source : List.of(
                "double square(double x) {\n    class Sneaky { static { } }\n    return x * x;\n}",
                "double square(double x) {\n    new Object() { protected void finalize() { } };\n    return x * x;\n}")) {
            Assessment a = check(source, HALF, List.of()).get("square");
            assertEquals(Assessment.Status.FORBIDDEN, a.status(), source);
            assertTrue(a.message().startsWith("declares a class (line 2)"), a.message());
        }
    }

    @Test
    void garbageCollectionAndFinalizersAreDenied() {
        Assessment a = check("double square(double x) {\n    System.gc();\n    return x * x;\n}", HALF, List.of()).get("square");
        assertEquals("uses System.gc (line 2): a solution may not touch processes or stop the JVM", a.message());
    }

    @Test
    void anErrorOnlyClassFilesMeetScoresItsOwnCellAndNotTheOthers() {
        String big = "double square(double x) { return x * x; }\nString big() { return \"" + "x".repeat(70_000) + "\"; }";
        Map<String, Assessment> a = check(big, HALF, List.of());
        assertEquals(Assessment.Status.DOES_NOT_COMPILE, a.get("square").status());
        assertTrue(a.get("square").message().contains("constant string too long"), a.get("square").message());
        assertEquals(Assessment.Status.RUNNABLE, a.get("half").status());
    }

    @Test
    void aKitMethodThatReachesAForbiddenOneIsForbiddenWithTheChainNamed() {
        String viaInit = "double square(double x) {\n    io.github.rnnkit.rnn.RnnParams p = io.github.rnnkit.rnn.Init.uniform(2, 1, 1, 1);\n"
                + "    io.github.rnnkit.rnn.Init.withSpectralRadius(p, 1.0);\n    return x * x;\n}";
        Assessment a = check(viaInit, HALF, List.of("io.github.rnnkit.util.Matrices.spectralRadius")).get("square");
        assertEquals(Assessment.Status.FORBIDDEN, a.status(), a.message());
        assertTrue(a.message().startsWith("uses Init.withSpectralRadius (line 3), which computes what this exercise asks you"), a.message());
        assertTrue(a.message().endsWith("Matrices.spectralRadius"), a.message());
        assertEquals(Assessment.Status.RUNNABLE,
                check(viaInit, HALF, List.of("io.github.rnnkit.util.Matrices.spectralNorm")).get("square").status());
    }

    @Test
    void anAssertKeepsItsMethodRunnable() {
        Assessment a = check("double square(double x) {\n    assert x == x;\n    return x * x;\n}", HALF, List.of()).get("square");
        assertEquals(Assessment.Status.RUNNABLE, a.status(), a.message());
    }

    @Test
    void aForbiddenEntryThatNamesNothingIsTheInstructorsErrorNotTheStudents() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> check("double square(double x) { return x * x; }", HALF, List.of("io.github.rnnkit.NoSuchClass")));
        assertTrue(e.getMessage().contains("io.github.rnnkit.NoSuchClass"), e.getMessage());
    }

    @Test
    void checksAreCompiledFromTheInstructorsSourceWhateverTheCellsDefine() {
        List<String> notes = new ArrayList<>(check("class Exercise { static void check(Object... a) { } }\n"
                + "double square(double x) { return 0; }", HALF, List.of()).get("square").notes());
        assertTrue(notes.get(0).startsWith("left out a class"), notes.toString());
    }
}
