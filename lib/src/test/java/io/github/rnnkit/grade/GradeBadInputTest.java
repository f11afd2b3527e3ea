package io.github.rnnkit.grade;

import io.github.rnnkit.testing.BadInput;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

import java.util.stream.Stream;

class GradeBadInputTest {

    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final Executable NOTHING = () -> { };

    @TestFactory
    Stream<DynamicTest> everyPublicMethodRejectsBadInput() {
        return BadInput.table()
                .row("Exercise.check", "a null id", "id",
                        () -> Exercise.check(null, 1, NOTHING), "forward-step", "null")
                .row("Exercise.check", "a blank id", "id",
                        () -> Exercise.check("  ", 1, NOTHING), "forward-step", "\"  \"")
                .row("Exercise.check", "negative points", "points",
                        () -> Exercise.check("relu", -1, NOTHING), ">= 0", "-1")
                .row("Exercise.check", "null checks", "checks",
                        () -> Exercise.check("relu", 1, null), "null")
                .row("Exercise.check with a hint", "an empty id", "id",
                        () -> Exercise.check("", 1, "a hint", NOTHING), "forward-step", "\"\"")
                .row("Exercise.check with a hint", "null checks", "checks",
                        () -> Exercise.check("relu", 1, "a hint", null), "null")

                .row("Expect.relativeError of vectors", "a null x", "x",
                        () -> Expect.relativeError(null, new double[1]), "an array", "null")
                .row("Expect.relativeError of vectors", "a null y", "y",
                        () -> Expect.relativeError(new double[1], null), "an array", "null")
                .row("Expect.relativeError of vectors", "vectors of different lengths", "y",
                        () -> Expect.relativeError(new double[2], new double[3]), "length 2", "length 3")
                .row("Expect.relativeError of matrices", "a different number of rows", "y",
                        () -> Expect.relativeError(new double[2][1], new double[1][1]), "length 2", "length 1")
                .row("Expect.relativeError of matrices", "rows of different lengths", "y[1]",
                        () -> Expect.relativeError(new double[][] {{1}, {2, 3}}, new double[][] {{1}, {2, 3, 4}}),
                        "length 2", "length 3")
                .row("Expect.relativeError of matrices", "a null row", "x[0]",
                        () -> Expect.relativeError(new double[][] {null}, new double[1][1]), "an array", "null")

                .row("Expect.close of numbers", "a NaN expected value", "expected",
                        () -> Expect.close(NAN, 1, 1e-9, "x"), "finite", "NaN")
                .row("Expect.close of numbers", "an infinite expected value", "expected",
                        () -> Expect.close(INF, INF, 1e-9, "x"), "finite", "Infinity")
                .row("Expect.close of numbers", "a negative tolerance", "tolerance",
                        () -> Expect.close(1, 1, -1e-9, "x"), ">= 0", "-1.0E-9")
                .row("Expect.close of numbers", "a NaN tolerance", "tolerance",
                        () -> Expect.close(1, 1, NAN, "x"), "finite", "NaN")
                .row("Expect.close of vectors", "a null expected vector", "expected",
                        () -> Expect.close(null, new double[1], 1e-9, "h"), "non-empty", "null")
                .row("Expect.close of vectors", "an empty expected vector", "expected",
                        () -> Expect.close(new double[0], new double[0], 1e-9, "h"), "non-empty", "length 0")
                .row("Expect.close of vectors", "a NaN in the expected vector", "expected[1]",
                        () -> Expect.close(new double[] {1, NAN}, new double[2], 1e-9, "h"), "finite", "NaN")
                .row("Expect.close of vectors", "a negative tolerance", "tolerance",
                        () -> Expect.close(new double[1], new double[1], -1, "h"), ">= 0", "-1")
                .row("Expect.close of matrices", "a null expected matrix", "expected",
                        () -> Expect.close((double[][]) null, new double[1][1], 1e-9, "W"), "null")
                .row("Expect.close of matrices", "an expected matrix without rows", "expected",
                        () -> Expect.close(new double[0][], new double[0][], 1e-9, "W"), "0 rows")
                .row("Expect.close of matrices", "a null expected row", "expected[1]",
                        () -> Expect.close(new double[][] {{1}, null}, new double[2][1], 1e-9, "W"), "null")
                .row("Expect.close of matrices", "an infinite expected entry", "expected[0][0]",
                        () -> Expect.close(new double[][] {{-INF}}, new double[1][1], 1e-9, "W"), "finite", "-Infinity")
                .row("Expect.close of matrices", "a negative tolerance", "tolerance",
                        () -> Expect.close(new double[1][1], new double[1][1], -1, "W"), ">= 0", "-1")
                .row("Expect.rejects", "a null call", "call",
                        () -> Expect.rejects(null, "limit", "clip"), "null")
                .row("Expect.rejects", "a null mention", "mention",
                        () -> Expect.rejects(() -> { }, null, "clip"), "null")
                .tests();
    }
}
