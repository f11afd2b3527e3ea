package io.github.rnnkit.util;

import io.github.rnnkit.testing.BadInput;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;

class UtilBadInputTest {

    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double[][] RAGGED = {{1, 2}, {3}};
    private static final double[][] NO_ROWS = new double[0][];

    @TestFactory
    Stream<DynamicTest> everyPublicMethodRejectsBadInput() {
        return BadInput.table()
                .row("Format.meanAndRange", "no values", "values", () -> Format.meanAndRange(new double[0], "%.1f"), "non-empty")
                .row("Format.meanAndRange", "a null format", "format", () -> Format.meanAndRange(new double[] {1}, null), "null")
                .row("Check.rows", "a null matrix", "W",
                        () -> Check.rows("W", null), "null")
                .row("Check.rows", "a matrix without rows", "W",
                        () -> Check.rows("W", NO_ROWS), "0 rows")
                .row("Check.cols", "a matrix whose first row is empty", "W",
                        () -> Check.cols("W", new double[][] {{}}), "0 columns")
                .row("Check.matrix", "a matrix with too many rows", "W",
                        () -> Check.matrix("W", new double[3][2], 2, 2), "2×2", "3 rows")
                .row("Check.matrix", "a short row", "W",
                        () -> Check.matrix("W", new double[][] {{1, 2}, {3}}, 2, 2), "row 1 of length 1")
                .row("Check.matrix", "a NaN entry", "W[1][0]",
                        () -> Check.matrix("W", new double[][] {{1, 2}, {NAN, 4}}, 2, 2), "NaN")
                .row("Check.vector(name, v, length)", "a vector of the wrong length", "b",
                        () -> Check.vector("b", new double[2], 3), "length 3", "length 2")
                .row("Check.vector(name, v)", "an empty vector", "b",
                        () -> Check.vector("b", new double[0]), "non-empty", "length 0")
                .row("Check.finite", "infinity", "lr",
                        () -> Check.finite("lr", INF), "finite", "Infinity")
                .row("Check.nonNegative", "a negative number", "limit",
                        () -> Check.nonNegative("limit", -1), ">= 0", "-1")
                .row("Check.positive", "zero", "lr",
                        () -> Check.positive("lr", 0), "> 0", "0.0")
                .row("Check.atLeast", "an integer below the minimum", "steps",
                        () -> Check.atLeast("steps", 0, 1), ">= 1", "0")
                .row("Check.notNull", "null", "f",
                        () -> Check.notNull("f", null, "an Activation"), "an Activation", "null")
                .row("Check.rectangular", "a ragged matrix", "W",
                        () -> Check.rectangular("W", RAGGED), "row 1 of length 1")
                .row("Check.index", "an index past the end", "t",
                        () -> Check.index("t", 3, 3), "[0, 2]", "3")

                .row("Grid.linspace", "a NaN start", "a",
                        () -> Grid.linspace(NAN, 1, 5), "finite", "NaN")
                .row("Grid.linspace", "an infinite end", "b",
                        () -> Grid.linspace(0, INF, 5), "finite", "Infinity")
                .row("Grid.linspace", "a single point", "n",
                        () -> Grid.linspace(0, 1, 1), ">= 2", "1")
                .row("Grid.range", "an end before the start", "to",
                        () -> Grid.range(5, 4), "from (5)", "4")
                .row("Grid.range", "more integers than an array holds", "to",
                        () -> Grid.range(Integer.MIN_VALUE, Integer.MAX_VALUE), "2147483647", "4294967296")
                .row("Grid.map", "null points", "x",
                        () -> Grid.map(null, Math::abs), "null")
                .row("Grid.map", "a null function", "f",
                        () -> Grid.map(new double[] {1}, (DoubleUnaryOperator) null), "a function", "null")
                .row("Grid.argmax", "null", "y",
                        () -> Grid.argmax(null), "null")
                .row("Grid.argmax", "an empty array", "y",
                        () -> Grid.argmax(new double[0]), "non-empty", "length 0")
                .row("Grid.argmax", "a NaN value", "y[1]",
                        () -> Grid.argmax(new double[] {1, NAN, 3}), "NaN")

                .row("Matrices.zeros", "zero rows", "m",
                        () -> Matrices.zeros(0, 3), ">= 1", "0")
                .row("Matrices.zeros", "a negative number of columns", "n",
                        () -> Matrices.zeros(2, -1), ">= 1", "-1")
                .row("Matrices.identity", "size 0", "n",
                        () -> Matrices.identity(0, 1), ">= 1", "0")
                .row("Matrices.identity", "a NaN scale", "s",
                        () -> Matrices.identity(2, NAN), "finite", "NaN")
                .row("Matrices.times(a, x)", "a null matrix", "a",
                        () -> Matrices.times(null, new double[2]), "null")
                .row("Matrices.times(a, x)", "a ragged matrix", "a",
                        () -> Matrices.times(RAGGED, new double[2]), "2×2", "row 1 of length 1")
                .row("Matrices.times(a, x)", "a matrix whose width is not the vector's length", "x",
                        () -> Matrices.times(new double[2][3], new double[2]), "length 3", "length 2")
                .row("Matrices.times(a, x)", "a null vector", "x",
                        () -> Matrices.times(new double[2][3], (double[]) null), "length 3", "null")
                .row("Matrices.times(a, b)", "inner dimensions that differ", "b",
                        () -> Matrices.times(new double[2][3], new double[2][2]), "3 rows", "2 rows")
                .row("Matrices.times(a, b)", "a left factor without rows", "a",
                        () -> Matrices.times(NO_ROWS, new double[2][2]), "0 rows")
                .row("Matrices.times(a, b)", "a ragged right factor", "b",
                        () -> Matrices.times(new double[2][2], RAGGED), "row 1 of length 1")
                .row("Matrices.transpose", "null", "a",
                        () -> Matrices.transpose(null), "null")
                .row("Matrices.transpose", "a row longer than the first", "a",
                        () -> Matrices.transpose(new double[][] {{1}, {2, 3}}), "2×1", "row 1 of length 2")
                .row("Matrices.scaleRows", "one factor per row too few", "d",
                        () -> Matrices.scaleRows(new double[2], new double[3][2]), "length 3", "length 2")
                .row("Matrices.scaleRows", "null factors", "d",
                        () -> Matrices.scaleRows(null, new double[3][2]), "null")
                .row("Matrices.scaleRows", "a ragged matrix", "a",
                        () -> Matrices.scaleRows(new double[2], RAGGED), "row 1 of length 1")
                .row("Matrices.scale", "an infinite factor", "s",
                        () -> Matrices.scale(INF, new double[2][2]), "finite", "Infinity")
                .row("Matrices.scale", "a null matrix", "a",
                        () -> Matrices.scale(2, null), "null")
                .row("Matrices.norm", "null", "x",
                        () -> Matrices.norm(null), "null")
                .row("Matrices.frobenius", "null", "a",
                        () -> Matrices.frobenius(null), "null")
                .row("Matrices.frobenius", "a ragged matrix", "a",
                        () -> Matrices.frobenius(RAGGED), "row 1 of length 1")
                .row("Matrices.spectralNorm", "null", "a",
                        () -> Matrices.spectralNorm(null), "null")
                .row("Matrices.spectralNorm", "a ragged matrix", "a",
                        () -> Matrices.spectralNorm(RAGGED), "row 1 of length 1")
                .row("Matrices.spectralRadius", "null", "a",
                        () -> Matrices.spectralRadius(null), "null")
                .row("Matrices.spectralRadius", "a matrix that is not square", "a",
                        () -> Matrices.spectralRadius(new double[2][3]), "2×2", "row 0 of length 3")
                .row("Matrices.spectralRadius", "an infinite entry", "a[1][1]",
                        () -> Matrices.spectralRadius(new double[][] {{1, 0}, {0, INF}}), "finite", "Infinity")
                .row("Check.copy", "null", "m", () -> Check.copy(null), "a matrix", "null")
                .row("Check.shape", "a matrix with too few rows", "g", () -> Check.shape("g", new double[1][2], 2, 2), "2×2", "1 rows")
                .row("Check.length", "a vector of another length", "db", () -> Check.length("db", new double[3], 2), "length 2", "length 3")
                .row("Check.nonEmpty", "an empty vector", "o", () -> Check.nonEmpty("o", new double[0]), "non-empty", "length 0")
                .row("Grid.blockMeans", "a window of 0", "window", () -> Grid.blockMeans(new double[] {1, 2}, 0), ">= 1", "0")
                .row("Grid.blockMeans", "a window longer than the series", "window", () -> Grid.blockMeans(new double[] {1, 2}, 3), "at most", "2", "3")
                .row("Grid.blockMeans", "an empty series", "y", () -> Grid.blockMeans(new double[0], 1), "length 0")
                .tests();
    }
}
