package io.github.rnnkit.chain;

import io.github.rnnkit.activation.Activations;
import io.github.rnnkit.rnn.Forward;
import io.github.rnnkit.rnn.Init;
import io.github.rnnkit.rnn.Rnn;
import io.github.rnnkit.util.Matrices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JacobianProductTest {

    /** J_T ⋯ J_1 multiplied out as matrices, with tanh' written as 1 − tanh². */
    static double[][] explicitProduct(double[][] w, double[][] zs) {
        double[][] product = Matrices.identity(w.length, 1);
        for (double[] z : zs) {
            double[][] j = new double[w.length][w.length];
            for (int i = 0; i < w.length; i++) {
                double slope = 1 - Math.tanh(z[i]) * Math.tanh(z[i]);
                for (int k = 0; k < w.length; k++) {
                    j[i][k] = slope * w[i][k];
                }
            }
            product = Matrices.times(j, product);
        }
        return product;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1.5, 4})
    void theNormIsTheSpectralNormOfTheProductMultipliedOut(double lambda1) {
        for (long seed = 1; seed <= 5; seed++) {
            Rnn rnn = new Rnn(Init.withLargestSingularValue(Init.uniform(6, 3, 2, seed), lambda1), Activations.TANH);
            Forward fwd = rnn.forward(Matrices.gaussian(new Random(seed), 12, 3, 1), null);
            double expected = Matrices.spectralNorm(explicitProduct(rnn.params().W(), fwd.zs()));
            JacobianProduct p = JacobianProduct.of(rnn, fwd);
            assertEquals(0, Matrices.relativeError(expected, p.norm()), 1e-9, "seed " + seed);
            assertEquals(Math.pow(expected, 1.0 / 12), p.ratePerStep(), 1e-9 * p.ratePerStep());
            assertEquals(12, p.steps());
        }
    }

    @Test
    void aScaledIdentityWithSlopeOneGrowsByItsScaleEveryStep() {
        double[][] zs = new double[7][3];                       // z = 0: tanh'(0) = 1
        JacobianProduct p = JacobianProduct.of(Matrices.identity(3, 1.3), Activations.TANH, zs);
        assertEquals(Math.pow(1.3, 7), p.norm(), 1e-12);
        assertEquals(1.3, p.ratePerStep(), 1e-12);
    }

    @Test
    void aProductBelowTheRangeOfADoubleIsStillReadAsALogarithm() {
        double[][] zs = new double[200][2];
        JacobianProduct p = JacobianProduct.of(Matrices.identity(2, 0.01), Activations.TANH, zs);
        assertEquals(200 * Math.log(0.01), p.logNorm(), 1e-9);
        assertEquals(0.0, p.norm());                           // 1e-400 is not a double
        assertEquals(0.01, p.ratePerStep(), 1e-12);
    }

    @Test
    void aStepWhereNoUnitHasASlopeMakesTheProductZero() {
        double[][] zs = {{1, 2}, {-1, -3}, {0.5, 1}};          // ReLU: step 2 has f' = 0 on both units
        JacobianProduct p = JacobianProduct.of(new double[][] {{1, 2}, {3, 4}}, Activations.RELU, zs);
        assertEquals(Double.NEGATIVE_INFINITY, p.logNorm());
        assertEquals(0.0, p.norm());
    }

    @Test
    void theSlopeAveragesAreTakenOverEveryStepAndUnit() {
        double[][] zs = {{0.0, 1.0}, {-2.0, 0.5}};
        double[] d = new double[4];
        int n = 0;
        for (double[] row : zs) {
            for (double z : row) {
                d[n++] = 1 / (Math.cosh(z) * Math.cosh(z));       // tanh' = sech²
            }
        }
        JacobianProduct p = JacobianProduct.of(new double[][] {{0.5, 0.1}, {0.2, 0.3}}, Activations.TANH, zs);
        assertEquals(Math.pow(d[0] * d[1] * d[2] * d[3], 0.25), p.geometricMeanSlope(), 1e-12);
        assertEquals((d[0] + d[1] + d[2] + d[3]) / 4, p.meanSlope(), 1e-12);
        assertEquals(Math.sqrt((d[0] * d[0] + d[1] * d[1] + d[2] * d[2] + d[3] * d[3]) / 4), p.rmsSlope(), 1e-12);
        assertTrue(p.geometricMeanSlope() <= p.meanSlope() && p.meanSlope() <= p.rmsSlope());
    }

    @Test
    void oneUnitGrowsByItsWeightTimesTheGeometricMeanSlope() {
        double[][] zs = {{0.3}, {-1.2}, {2.0}, {0.1}};
        JacobianProduct p = JacobianProduct.of(new double[][] {{1.7}}, Activations.TANH, zs);
        assertEquals(1.7 * p.geometricMeanSlope(), p.ratePerStep(), 1e-12);
    }
}
