package io.github.rnnkit.util;

import io.github.rnnkit.testing.BadInput;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MatrixPowersTest {

    /** ‖A‖₂ of a 2×2 matrix in closed form: the square root of the larger eigenvalue of AᵀA = [[p, q], [q, r]]. */
    private static double norm2x2(double[][] a) {
        double p = a[0][0] * a[0][0] + a[1][0] * a[1][0];
        double q = a[0][0] * a[0][1] + a[1][0] * a[1][1];
        double r = a[0][1] * a[0][1] + a[1][1] * a[1][1];
        return Math.sqrt((p + r) / 2 + Math.sqrt((p - r) * (p - r) / 4 + q * q));
    }

    @Test
    void theNormsOfAShearedMatrixFollowItsPowersInClosedForm() {
        double rho = 0.9;
        double shear = 2;
        double[] norms = MatrixPowers.of(new double[][] {{rho, shear}, {0, rho}}, 200).norms();
        for (int k = 1; k <= 200; k++) {
            // W^k = [[ρ^k, s·k·ρ^(k−1)], [0, ρ^k]]
            double[][] power = {{Math.pow(rho, k), shear * k * Math.pow(rho, k - 1)}, {0, Math.pow(rho, k)}};
            assertEquals(norm2x2(power), norms[k - 1], 1e-9 * norm2x2(power), "‖W^" + k + "‖");
        }
    }

    @Test
    void aScaledIdentityHasNormsThatArePowersOfItsScaleAndAConstantRate() {
        MatrixPowers p = MatrixPowers.of(new double[][] {{-0.7, 0, 0}, {0, -0.7, 0}, {0, 0, -0.7}}, 30);
        for (int k = 1; k <= 30; k++) {
            assertEquals(Math.pow(0.7, k), p.norms()[k - 1], 1e-12 * Math.pow(0.7, k));
            assertEquals(0.7, p.rates()[k - 1], 1e-12);
        }
        assertEquals(30, p.powers());
    }

    @Test
    void theRateOfAShearedMatrixStartsAtλ1AndApproachesρAsSlowlyAsTheClosedFormSays() {
        double[][] w = {{0.9, 2}, {0, 0.9}};
        double[] rates = MatrixPowers.of(w, 1000).rates();
        assertEquals(norm2x2(w), rates[0], 1e-12);
        // ‖W^k‖ ≈ 2k·0.9^(k−1) for large k, so the rate ≈ 0.9·(2k/0.9)^(1/k)
        assertEquals(0.9 * Math.pow(2 * 1000 / 0.9, 1.0 / 1000), rates[999], 1e-4);
        assertTrue(rates[999] > 0.9 && rates[999] < rates[99], "rates at 100 and 1000: " + rates[99] + ", " + rates[999]);
    }

    @Property(tries = 200)
    void everyPowerLiesBetweenρToTheKAndλ1ToTheK(@ForAll long seed) {
        double[][] w = Matrices.gaussian(new Random(seed), 3, 3, 0.6);
        double rho = Matrices.spectralRadius(w);
        double lambda1 = norm3x3ByPowerIteration(w);
        double[] norms = MatrixPowers.of(w, 25).norms();
        for (int k = 1; k <= 25; k++) {
            assertTrue(Math.pow(rho, k) <= norms[k - 1] * (1 + 1e-8), "ρ^k ≤ ‖W^k‖ at k = " + k);
            assertTrue(norms[k - 1] <= Math.pow(lambda1, k) * (1 + 1e-8), "‖W^k‖ ≤ λ1^k at k = " + k);
        }
    }

    /** λ1 by the largest eigenvalue of WᵀW, found by plain power iteration here rather than by Matrices.spectralNorm. */
    private static double norm3x3ByPowerIteration(double[][] w) {
        double[][] wtw = Matrices.times(Matrices.transpose(w), w);
        double[] v = {1, 0.5, 0.25};
        double mu = 0;
        for (int i = 0; i < 20_000; i++) {
            double[] next = Matrices.times(wtw, v);
            mu = Matrices.norm(next);
            if (mu == 0) {
                return 0;
            }
            for (int j = 0; j < 3; j++) {
                v[j] = next[j] / mu;
            }
        }
        return Math.sqrt(mu);
    }

    @Test
    void theMatrixIsLeftUnchangedAndTheResultsCannotBeChangedFromOutside() {
        double[][] w = {{0.5, 1}, {0, 0.5}};
        MatrixPowers p = MatrixPowers.of(w, 5);
        assertArrayEquals(new double[] {0.5, 1}, w[0]);
        assertArrayEquals(new double[] {0, 0.5}, w[1]);
        double first = p.norms()[0];
        p.norms()[0] = 99;
        p.rates()[0] = 99;
        assertEquals(first, p.norms()[0]);
        assertEquals(first, p.rates()[0]);
    }

    @TestFactory
    Stream<DynamicTest> badInputIsRejectedByName() {
        return BadInput.table()
                .row("MatrixPowers.of", "a null matrix", "w", () -> MatrixPowers.of(null, 3), "null")
                .row("MatrixPowers.of", "a matrix that is not square", "w",
                        () -> MatrixPowers.of(new double[][] {{1, 2, 3}, {4, 5, 6}}, 3), "2×2", "row 0 of length 3")
                .row("MatrixPowers.of", "a NaN entry", "w[0][1]",
                        () -> MatrixPowers.of(new double[][] {{1, Double.NaN}, {0, 1}}, 3), "finite", "NaN")
                .row("MatrixPowers.of", "no powers", "powers",
                        () -> MatrixPowers.of(new double[][] {{1}}, 0), ">= 1", "0")
                .tests();
    }
}
