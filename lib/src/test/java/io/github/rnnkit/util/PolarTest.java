package io.github.rnnkit.util;

import io.github.rnnkit.testing.BadInput;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolarTest {

    static double[][] rotation(double angle) {
        return new double[][] {{Math.cos(angle), -Math.sin(angle)}, {Math.sin(angle), Math.cos(angle)}};
    }

    static void assertClose(double[][] expected, double[][] actual, double tolerance) {
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], tolerance, "row " + i);
        }
    }

    @Test
    void aRotationTimesAStretchHasTheRotationAsItsOrthogonalFactor() {
        double[][] q = rotation(0.7);
        // A = Q P with P symmetric positive definite: the factor must come back as Q
        double[][] p = {{3, 1}, {1, 0.5}};
        assertClose(q, Polar.orthogonalFactor(Matrices.times(q, p)), 1e-12);
    }

    @Test
    void aDiagonalMatrixKeepsOnlyTheSignsOfItsEntries() {
        assertClose(new double[][] {{-1, 0}, {0, 1}}, Polar.orthogonalFactor(new double[][] {{-2, 0}, {0, 5}}), 1e-14);
    }

    @Test
    void theFactorOfARandomMatrixIsOrthogonalAndLeavesASymmetricPositiveDefiniteRest() {
        Random r = new Random(11);
        for (int trial = 0; trial < 20; trial++) {
            int n = 2 + r.nextInt(12);
            double[][] a = Matrices.gaussian(r, n, n, 1);
            double[][] q = Polar.orthogonalFactor(a);
            assertClose(Matrices.identity(n, 1), Matrices.times(Matrices.transpose(q), q), 1e-11);
            double[][] p = Matrices.times(Matrices.transpose(q), a);      // P = Qᵀ A
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    assertEquals(p[i][j], p[j][i], 1e-10, "P symmetric at (" + i + ", " + j + ")");
                }
                double[] x = new double[n];
                for (int k = 0; k < n; k++) {
                    x[k] = r.nextGaussian();
                }
                double quadratic = 0;
                double[] px = Matrices.times(p, x);
                for (int k = 0; k < n; k++) {
                    quadratic += x[k] * px[k];
                }
                assertTrue(quadratic > 0, "xᵀ P x > 0");
            }
        }
    }

    @Test
    void everySingularValueOfTheScaledFactorIsTheScale() {
        double[][] a = Matrices.gaussian(new Random(3), 6, 6, 1);
        double[][] flat = Matrices.scale(2.5, Polar.orthogonalFactor(a));
        // all singular values 2.5: the largest is 2.5, and so is 1 / (largest of the inverse's)
        assertEquals(2.5, Matrices.spectralNorm(flat), 1e-10);
        assertEquals(Math.pow(2.5, 7), Matrices.spectralNorm(power(flat, 7)), 1e-6);
    }

    static double[][] power(double[][] a, int k) {
        double[][] p = Matrices.identity(a.length, 1);
        for (int i = 0; i < k; i++) {
            p = Matrices.times(a, p);
        }
        return p;
    }

    @Test
    void theInputIsLeftUnchanged() {
        double[][] a = {{1, 2}, {3, 4}};
        Polar.orthogonalFactor(a);
        assertArrayEquals(new double[] {1, 2}, a[0]);
        assertArrayEquals(new double[] {3, 4}, a[1]);
    }

    @TestFactory
    Stream<DynamicTest> badMatricesAreRejected() {
        return BadInput.table()
                .row("Polar.orthogonalFactor", "a null matrix", "a", () -> Polar.orthogonalFactor(null), "null")
                .row("Polar.orthogonalFactor", "a non-square matrix", "a",
                        () -> Polar.orthogonalFactor(new double[][] {{1, 2, 3}, {4, 5, 6}}), "2×2", "length 3")
                .row("Polar.orthogonalFactor", "a NaN entry", "a[1][0]",
                        () -> Polar.orthogonalFactor(new double[][] {{1, 0}, {Double.NaN, 1}}), "finite", "NaN")
                .row("Polar.orthogonalFactor", "a singular matrix", "a",
                        () -> Polar.orthogonalFactor(new double[][] {{1, 2}, {2, 4}}), "non-singular", "singular")
                .tests();
    }
}
