package io.github.rnnkit.chain;

import io.github.rnnkit.activation.Activation;
import io.github.rnnkit.activation.Activations;
import io.github.rnnkit.rnn.Forward;
import io.github.rnnkit.rnn.Init;
import io.github.rnnkit.rnn.Rnn;
import io.github.rnnkit.rnn.RnnParams;
import io.github.rnnkit.util.Matrices;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RnnJacobiansTest {

    static Forward run(Rnn rnn, long seed, int steps) {
        return rnn.forward(Matrices.gaussian(new Random(seed), steps, rnn.params().inputSize(), 1), null);
    }

    @Test
    void normsEqualTheSpectralNormOfTheExplicitProduct() {
        Rnn rnn = new Rnn(Init.uniform(4, 3, 2, 5), Activations.TANH);
        Forward fwd = run(rnn, 1, 6);
        RnnJacobians j = RnnJacobians.of(rnn, fwd);
        double[][] w = rnn.params().W();
        double[][] product = Matrices.identity(4, 1);
        for (int t = 3; t <= 6; t++) {
            double[] d = new double[4];
            for (int i = 0; i < 4; i++) {
                d[i] = 1 - Math.pow(Math.tanh(fwd.z(t)[i]), 2);
            }
            product = Matrices.times(Matrices.scaleRows(d, w), product);
        }
        double[][] gram = Matrices.times(Matrices.transpose(product), product);
        assertEquals(Math.sqrt(Matrices.spectralRadius(gram)), j.norm(6, 2), 1e-9);
    }

    @Test
    void theProductOfTheFactorsIsTheFiniteDifferenceJacobianOfTheLastStateInTheFirst() {
        int hidden = 4;
        int steps = 4;
        Rnn rnn = new Rnn(Init.withLargestSingularValue(Init.uniform(hidden, 3, 2, 7), 1.5), Activations.TANH);
        Forward fwd = run(rnn, 3, steps);
        RnnJacobians j = RnnJacobians.of(rnn, fwd);
        double[][] product = Matrices.identity(hidden, 1);
        for (int t = 1; t <= steps; t++) {
            product = Matrices.times(j.factor(t), product);
        }
        double eps = 1e-5;
        for (int k = 0; k < hidden; k++) {
            double[] up = new double[hidden];
            double[] down = new double[hidden];
            up[k] = eps;
            down[k] = -eps;
            double[] hUp = rnn.forward(fwd.xs(), up).hs()[steps - 1];
            double[] hDown = rnn.forward(fwd.xs(), down).hs()[steps - 1];
            for (int i = 0; i < hidden; i++) {
                double numeric = (hUp[i] - hDown[i]) / (2 * eps);
                assertEquals(0, Matrices.relativeError(product[i][k], numeric), 1e-7, "∂h_T[" + i + "]/∂h_0[" + k + "]");
            }
        }
        assertEquals(Matrices.spectralNorm(product), j.norm(steps, 0), 1e-12);
    }

    @Test
    void theNormFromAStateToItselfIsOne() {
        Rnn rnn = new Rnn(Init.uniform(3, 2, 2, 1), Activations.SIGMOID);
        RnnJacobians j = RnnJacobians.of(rnn, run(rnn, 2, 4));
        for (int t = 0; t <= 4; t++) {
            assertEquals(1, j.norm(t, t));
        }
        assertEquals(5, j.normsToLast().length);
    }

    @Property(tries = 50)
    void pascanusBoundAlwaysHolds(@ForAll @LongRange(min = 0, max = 1000) long seed,
                                  @ForAll @DoubleRange(min = 0.1, max = 8) double lambda1) {
        for (Activation f : new Activation[] {Activations.SIGMOID, Activations.TANH, Activations.RELU}) {
            RnnParams p = Init.withLargestSingularValue(Init.uniform(5, 3, 2, seed), lambda1);
            Rnn rnn = new Rnn(p, f);
            RnnJacobians j = RnnJacobians.of(rnn, run(rnn, seed, 8));
            for (int k = 0; k <= 8; k++) {
                assertTrue(j.norm(8, k) <= j.bound(8, k) * (1 + 1e-9), f.name() + " k=" + k);
            }
        }
    }

    @Test
    void lambda1AndGammaAreReported() {
        RnnParams p = Init.withLargestSingularValue(Init.uniform(4, 2, 2, 3), 1.7);
        Rnn rnn = new Rnn(p, Activations.SIGMOID);
        RnnJacobians j = RnnJacobians.of(rnn, run(rnn, 3, 3));
        assertEquals(1.7, j.lambda1(), 1e-9);
        assertEquals(0.25, j.gamma());
        assertEquals(Math.pow(0.25 * 1.7, 3), j.bound(3, 0), 1e-9);
    }

    @Test
    void badStepsAreRejectedByName() {
        Rnn rnn = new Rnn(Init.uniform(3, 2, 2, 1), Activations.TANH);
        RnnJacobians j = RnnJacobians.of(rnn, run(rnn, 2, 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> j.norm(2, 3));
        assertEquals("(t, k): expected 0 <= k <= t <= 4, got (2, 3)", e.getMessage());
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class, () -> j.factor(0));
        assertEquals("t: expected a step in [1, 4], got 0", f.getMessage());
    }
}
