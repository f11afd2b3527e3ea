package io.github.rnnkit.notebook;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lookup against the real JJava 1.0-a6 and rapaio 3.0.1 jars (from Maven Central), each loaded in a class
 * loader of its own.
 */
class KernelDisplayTest {

    private static final String STATICS = "org.dflib.jjava.jupyter.kernel.BaseNotebookStatics";
    private static final Map<String, Object> BUNDLE = bundle();
    private static URLClassLoader jjava;
    private static URLClassLoader rapaio;

    @BeforeAll
    static void loadKernels() throws IOException {
        jjava = loader("rnnkit.jjava.jar", "JJava 1.0-a6");
        rapaio = loader("rnnkit.rapaio.jar", "rapaio-jupyter-kernel 3.0.1");
    }

    private static URLClassLoader loader(String property, String what) throws IOException {
        Path jar = Path.of(System.getProperty(property, property + " is not set"));
        assertTrue(Files.isRegularFile(jar), "the " + what + " jar is missing: " + jar);
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, KernelDisplayTest.class.getClassLoader());
    }

    @AfterAll
    static void closeKernels() throws IOException {
        jjava.close();
        rapaio.close();
    }

    /** A bundle as Show.movable makes one: a JSON tree under a "+json" type, base64 text, plain text. */
    private static Map<String, Object> bundle() {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("application/vnd.vegalite.v5+json", Map.of("mark", "line", "data", Map.of("values", List.of(1, 2))));
        b.put("image/png", "iVBORw0KGgo=");
        b.put("text/plain", "a movable figure");
        return b;
    }

    /** A kernel DisplayData's private map of MIME type → value, read as the kernel's serialiser reads it. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> dataOf(Object displayData) throws ReflectiveOperationException {
        Class<?> c = displayData.getClass();
        while (c != null) {
            try {
                Field data = c.getDeclaredField("data");
                data.setAccessible(true);
                return (Map<String, Object>) data.get(displayData);
            } catch (NoSuchFieldException e) {
                c = c.getSuperclass();
            }
        }
        throw new AssertionError("no data field in " + displayData.getClass());
    }

    @Test
    void jjavasOwnRendererTurnsTheBundleIntoOneDisplayDataWithEveryType() throws Exception {
        KernelDisplay display = KernelDisplay.find(KernelDisplay.KNOWN, jjava).orElseThrow();
        KernelBundles.Renderable bundles = assertInstanceOf(KernelBundles.Renderable.class, display.bundles());
        Class<?> rendererClass = jjava.loadClass("org.dflib.jjava.jupyter.kernel.display.Renderer");
        Object renderer = rendererClass.getConstructor().newInstance();
        Object rendered = rendererClass.getMethod("renderAs", Object.class, String[].class)
                .invoke(renderer, bundles.renderableFor(BUNDLE), BUNDLE.keySet().toArray(new String[0]));
        assertEquals(BUNDLE, dataOf(rendered));
    }

    @Test
    void aBundleGoesToJJavasDisplayAsOneObject() {
        KernelDisplay display = KernelDisplay.find(KernelDisplay.KNOWN, jjava).orElseThrow();
        // No kernel runs in a test, so JJava fails inside its own display: the call got there.
        RuntimeException e = assertThrows(RuntimeException.class, () -> display.showAll(BUNDLE));
        assertTrue(Arrays.stream(e.getStackTrace()).anyMatch(f -> f.getClassName().equals(STATICS)
                && f.getMethodName().equals("display")), () -> "not thrown inside JJava: " + e);
    }

    @Test
    void rapaiosDisplayAndBundlePathAreFoundInItsJar() {
        KernelDisplay display = KernelDisplay.find(KernelDisplay.KNOWN, rapaio).orElseThrow();
        assertEquals("org.rapaio.jupyter.kernel.global.Global.display", display.toString());
        assertInstanceOf(KernelBundles.Rapaio.class, display.bundles());
    }

    @Test
    void rapaiosDisplayDataHoldsEveryTypeOfTheBundleAndAnId() throws Exception {
        KernelDisplay display = KernelDisplay.find(KernelDisplay.KNOWN, rapaio).orElseThrow();
        Object data = ((KernelBundles.Rapaio) display.bundles()).displayData(BUNDLE);
        assertEquals("org.rapaio.jupyter.kernel.display.DisplayData", data.getClass().getName());
        assertEquals(BUNDLE, dataOf(data));
        assertEquals(Boolean.TRUE, data.getClass().getMethod("hasDisplayId").invoke(data));
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
