package io.github.rnnkit.util;

import io.github.rnnkit.testing.BadInput;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class MatricesMinusTest {

    @Test
    void minusSubtractsEntryByEntryIntoANewMatrix() {
        double[][] a = {{1, 2.5, -3}, {0.25, 0, 7}};
        double[][] b = {{0.5, 2.5, 1}, {-0.75, 4, 7}};
        double[][] d = Matrices.minus(a, b);
        assertArrayEquals(new double[] {0.5, 0, -4}, d[0]);
        assertArrayEquals(new double[] {1, -4, 0}, d[1]);
        assertArrayEquals(new double[] {1, 2.5, -3}, a[0], "a unchanged");
        assertArrayEquals(new double[] {-0.75, 4, 7}, b[1], "b unchanged");
    }

    @TestFactory
    Stream<DynamicTest> minusRejectsMatricesOfTwoShapes() {
        return BadInput.table()
                .row("Matrices.minus", "a b with a row too few", "b",
                        () -> Matrices.minus(new double[2][2], new double[1][2]), "2×2", "1 rows")
                .row("Matrices.minus", "a b with a short row", "b",
                        () -> Matrices.minus(new double[2][2], new double[][] {{1, 2}, {3}}), "row 1 of length 1")
                .row("Matrices.minus", "a null a", "a", () -> Matrices.minus(null, new double[1][1]), "null")
                .tests();
    }
}
