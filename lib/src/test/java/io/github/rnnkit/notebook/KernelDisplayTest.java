package io.github.rnnkit.notebook;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lookup against the real JJava 1.0-a6 jar (from Maven Central), loaded in a class loader of its own. */
class KernelDisplayTest {

    private static final String STATICS = "org.dflib.jjava.jupyter.kernel.BaseNotebookStatics";
    private static URLClassLoader jjava;

    @BeforeAll
    static void loadJJava() throws IOException {
        Path jar = Path.of(System.getProperty("rnnkit.jjava.jar", "rnnkit.jjava.jar is not set"));
        assertTrue(Files.isRegularFile(jar), "the JJava 1.0-a6 jar is missing: " + jar);
        jjava = new URLClassLoader(new URL[] {jar.toUri().toURL()}, KernelDisplayTest.class.getClassLoader());
    }

    @AfterAll
    static void closeJJava() throws IOException {
        jjava.close();
    }

    @Test
    void jjavaFromOneAlphaSixIsFoundOnBaseNotebookStatics() {
        Optional<KernelDisplay> found = KernelDisplay.find(KernelDisplay.KNOWN, jjava);
        assertTrue(found.isPresent());
        assertEquals(STATICS + ".display", found.get().toString());
    }

    @Test
    void theClassJJavaUsedBeforeOneAlphaSixIsNotInIt() {
        List<KernelDisplay.Candidate> before = List.of(new KernelDisplay.Candidate("org.dflib.jjava.runtime.Display", false));
        assertTrue(KernelDisplay.find(before, jjava).isEmpty());
    }

    @Test
    void aChartGoesToJJavasDisplayWithItsMimeTypeAsVarargs() {
        KernelDisplay display = KernelDisplay.find(KernelDisplay.KNOWN, jjava).orElseThrow();
        // No kernel runs in a test, so JJava fails inside its own display: the call got there with the right arguments.
        RuntimeException e = assertThrows(RuntimeException.class, () -> display.show("image/png", "a chart"));
        assertTrue(Arrays.stream(e.getStackTrace()).anyMatch(f -> f.getClassName().equals(STATICS)
                && f.getMethodName().equals("display")), () -> "not thrown inside JJava: " + e);
    }

    @Test
    void outsideAKernelNothingFoundMeansPlainTextAndNoWord() {
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        Display display = KernelDisplay.choose(KernelDisplay.KNOWN, Optional.empty(), new PrintStream(said),
                KernelDisplayTest.class.getClassLoader());
        assertInstanceOf(StdoutDisplay.class, display);
        assertEquals("", said.toString(StandardCharsets.UTF_8));
    }

    @Test
    void insideAKernelWithNoKnownDisplayOneLineSaysSoAndNamesWhatWasLookedFor() {
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        Display display = KernelDisplay.choose(KernelDisplay.KNOWN, Optional.of("started with kernel-1.json"),
                new PrintStream(said, true, StandardCharsets.UTF_8), KernelDisplayTest.class.getClassLoader());
        assertFalse(display.isKernel());
        String text = said.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.startsWith("Show: this JVM is a Jupyter kernel (started with kernel-1.json), but none of "));
        KernelDisplay.KNOWN.forEach(c -> assertTrue(text.contains(c.className()), c.className()));
    }

    @Test
    void insideAKernelWhoseDisplayIsFoundNothingIsSaid() {
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        Display display = KernelDisplay.choose(KernelDisplay.KNOWN, Optional.of("started with kernel-1.json"),
                new PrintStream(said), jjava);
        assertTrue(display.isKernel());
        assertEquals("", said.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aConnectionFileOnTheCommandLineMarksAKernel() {
        assertEquals(Optional.of("started with the connection file /run/jupyter/runtime/kernel-4f1c-9a.json"),
                KernelDisplay.kernelEvidence("rapaio-jupyter-kernel.jar /run/jupyter/runtime/kernel-4f1c-9a.json",
                        Map.of()));
    }

    @Test
    void aKernelsClasspathVariableMarksAKernel() {
        assertEquals(Optional.of("JJAVA_CLASSPATH is set"),
                KernelDisplay.kernelEvidence("jjava.jar", Map.of("JJAVA_CLASSPATH", "/kit/*", "HOME", "/root")));
    }

    @Test
    void aTestOrAMainMethodIsNoKernel() {
        assertEquals(Optional.empty(), KernelDisplay.kernelEvidence(
                "org.apache.maven.surefire.booter.ForkedBooter /tmp surefire.json", Map.of("HOME", "/root")));
    }

    @Test
    void theDisplayIsLookedUpOncePerJvm() {
        assertSame(KernelDisplay.current(), KernelDisplay.current());
        assertFalse(KernelDisplay.current().isKernel(), "a test JVM found a kernel");
    }
}
