package io.github.rnnkit.grade.checker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The class-file checks, on classes written here so every expected finding is read off their source. */
class CompiledTest {

    @TempDir
    Path dir;

    private Path compile(String source) throws IOException {
        Path file = dir.resolve("src/graded/Submission.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.resolve("out").toString(), file.toString()));
        return dir.resolve("out/graded");
    }

    @Test
    void theReferencesOfTheBytesThatRunIncludeWhatJavacAddsButNotItsOwnBootstraps() throws IOException {
        Path out = compile("package graded;\npublic final class Submission {\n"
                + "    static Runnable r(String s) { return () -> new Thread(s + 1).start(); }\n}\n");
        Set<Compiled.Reference> refs = Compiled.references(out.resolve("Submission.class"));
        assertTrue(refs.contains(new Compiled.Reference("java/lang/Thread", "start")), refs.toString());
        assertTrue(refs.contains(new Compiled.Reference("java/lang/Thread", null)), refs.toString());
        assertFalse(refs.stream().anyMatch(r -> r.owner().startsWith("java/lang/invoke/")), refs.toString());
    }

    @Test
    void aStaticInitialiserOrAFieldIsAnOdditySoIsAnotherClassButAnAssertIsNot() throws IOException {
        Path withAssert = compile("package graded;\npublic final class Submission {\n"
                + "    static double f(double x) { assert x == x; return x; }\n}\n");
        assertEquals(java.util.Optional.empty(), Compiled.oddities(withAssert, "Submission", Set.of("f"), Set.of()));
        Path withInit = compile("package graded;\npublic final class Submission {\n"
                + "    static int n = 3;\n    static double f(double x) { return x; }\n}\n");
        String odd = Compiled.oddities(withInit, "Submission", Set.of("f"), Set.of()).orElseThrow();
        assertTrue(odd.contains("the field n") && odd.contains("a static initialiser"), odd);
        Path withClass = compile("package graded;\npublic final class Submission {\n"
                + "    static Object f() { return new Object() { }; }\n}\n");
        assertTrue(Compiled.oddities(withClass, "Submission", Set.of("f"), Set.of()).orElseThrow().contains("Submission$1.class"));
    }
}
