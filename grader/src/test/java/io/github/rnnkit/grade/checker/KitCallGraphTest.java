package io.github.rnnkit.grade.checker;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The call graph of a few classes written here, so every expected edge is read off their source. */
class KitCallGraphTest {

    private static final String SOURCE = """
            package io.github.rnnkit.demo;
            interface Shape { double area(); }
            class Square implements Shape { public double area() { return Maths.square(2); } }
            class Base { double twice(double x) { return 2 * x; } }
            class Derived extends Base { }
            final class Maths {
                static double square(double x) { return x * x; }
                static double viaDerived() { return new Derived().twice(1); }
                static double viaShape(Shape s) { return s.area(); }
                static Shape lambda() { return () -> Math.sqrt(2); }
            }
            """;

    @TempDir
    static Path dir;

    private static Map<String, Set<String>> edges;

    @BeforeAll
    static void compile() throws IOException {
        Path source = dir.resolve("src/io/github/rnnkit/demo/Maths.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, SOURCE);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", dir.resolve("classes").toString(), source.toString()));
        edges = KitCallGraph.of(KitCallGraph.classFiles(dir.resolve("classes"))).edges();
    }

    private static final String P = "io/github/rnnkit/demo/";

    @Test
    void aCallIsAnEdgeToTheMethodCalled() {
        assertTrue(edges.get(P + "Square.area()D").contains(P + "Maths.square(D)D"));
    }

    @Test
    void anInheritedMethodIsReachedAtTheClassThatDeclaresIt() {
        assertTrue(edges.get(P + "Maths.viaDerived()D").contains(P + "Base.twice(D)D"));
    }

    @Test
    void anInterfaceMethodReachesEveryImplementation() {
        assertTrue(edges.get(P + "Maths.viaShape(L" + P + "Shape;)D").contains(P + "Shape.area()D"));
        assertTrue(edges.get(P + "Shape.area()D").contains(P + "Square.area()D"));
    }

    @Test
    void aLambdaIsReachedFromWhereItIsMadeAndFromTheMethodItImplements() {
        String body = edges.get(P + "Maths.lambda()L" + P + "Shape;").stream().filter(n -> n.contains("lambda$")).findFirst().orElseThrow();
        assertTrue(edges.get(P + "Shape.area()D").contains(body));
        assertTrue(edges.get(body).contains("java/lang/Math.sqrt(D)D"));
    }

    @Test
    void theJdkIsNotRead() {
        assertFalse(edges.containsKey("java/lang/Math.sqrt(D)D"));
    }
}
