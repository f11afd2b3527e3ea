package io.github.rnnkit.util;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpectralNormTest {

    @Test
    void aDiagonalMatrixHasItsLargestAbsoluteEntry() {
        assertEquals(3, Matrices.spectralNorm(new double[][] {{1, 0, 0}, {0, -3, 0}, {0, 0, 2}}), 1e-12);
    }

    @Test
    void aTopBlockHiddenBehindALongerRowIsStillFound() {
        // The longest row (1.9) lies in the block of the smaller singular value (1.9 < 2): a start
        // vector taken from the rows, or one that misses the first block, would report 1.9.
        double[][] a = {{1, 1, 0}, {1, 1, 0}, {0, 0, 1.9}};
        assertEquals(2, Matrices.spectralNorm(a), 1e-12);
    }

    @Test
    void aMatrixOrthogonalToTheAllOnesVectorIsMeasuredCorrectly() {
        double[][] a = {{1, -1}, {1, -1}};
        assertEquals(2, Matrices.spectralNorm(a), 1e-12);
    }

    @Test
    void aVanishinglySmallMatrixNeitherUnderflowsNorLosesDigits() {
        double[][] a = {{3e-200, 0}, {0, 4e-200}};
        assertEquals(4e-200, Matrices.spectralNorm(a), 1e-212);
    }

    @Test
    void aHugeMatrixDoesNotOverflow() {
        double[][] a = {{3e300, 0}, {4e300, 0}};
        assertEquals(5e300, Matrices.spectralNorm(a), 1e288);
    }

    @Test
    void aSubnormalMatrixHasItsNormFound() {
        assertEquals(4e-310, Matrices.spectralNorm(new double[][] {{3e-310, 0}, {0, 4e-310}}), 1e-321);
    }

    @Test
    void theSpectralRadiusOfASubnormalMatrixIsFound() {
        assertEquals(3e-310, Matrices.spectralRadius(new double[][] {{3e-310, 0}, {0, 1e-310}}), 1e-321);
    }

    @Test
    void theZeroMatrixHasNormZero() {
        assertEquals(0, Matrices.spectralNorm(new double[3][2]));
    }

    @Test
    void anInfiniteEntryGivesInfinityAndANaNEntryNaN() {
        assertEquals(Double.POSITIVE_INFINITY, Matrices.spectralNorm(new double[][] {{1, Double.NEGATIVE_INFINITY}}));
        assertEquals(Double.NaN, Matrices.spectralNorm(new double[][] {{1, Double.NaN}}));
    }

    @Property(tries = 50)
    void theNormIsTheSquareRootOfTheLargestEigenvalueOfTheGram(@ForAll @IntRange(min = 1, max = 8) int n,
                                                               @ForAll long seed,
                                                               @ForAll @DoubleRange(min = -250, max = 250) double exponent) {
        double[][] a = new double[n][n];
        Random rng = new Random(seed);
        for (double[] row : a) {
            for (int j = 0; j < n; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        double expected = Math.sqrt(Matrices.spectralRadius(Matrices.times(Matrices.transpose(a), a)));
        double s = Math.pow(10, exponent / 10);
        assertEquals(1, Matrices.spectralNorm(Matrices.scale(s, a)) / (s * expected), 1e-7);
    }
}
