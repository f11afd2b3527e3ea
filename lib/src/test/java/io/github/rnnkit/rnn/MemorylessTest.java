package io.github.rnnkit.rnn;

import io.github.rnnkit.activation.Activations;
import io.github.rnnkit.testing.BadInput;
import io.github.rnnkit.util.Matrices;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemorylessTest {

    static final double[][] XS = Matrices.gaussian(new Random(4), 25, 3, 1);

    @Test
    void withoutRecurrentWeightsTheStateIsItsMemorylessTwin() {
        RnnParams p = Init.uniform(5, 3, 2, 1);
        Memoryless m = Memoryless.of(new Rnn(RnnParams.of(p.U(), new double[5][5], p.b(), p.V(), p.c()), Activations.TANH), XS);
        assertEquals(0, m.largestPush());
        assertEquals(1, m.correlation(), 1e-12);
        for (int t = 0; t < XS.length; t++) {
            for (int i = 0; i < 5; i++) {
                double z = p.b()[i];
                for (int j = 0; j < 3; j++) {
                    z += p.U()[i][j] * XS[t][j];
                }
                assertEquals(Math.tanh(z), m.memoryless()[t][i], 1e-15);
            }
        }
    }

    @Test
    void thePushIsTheLargestNormOfWTimesThePreviousState() {
        Rnn rnn = new Rnn(Init.withLargestSingularValue(Init.uniform(4, 3, 2, 2), 2), Activations.TANH);
        double[][] hs = rnn.forward(XS, null).hs();
        double largest = 0;
        for (int t = 1; t < hs.length; t++) {
            double[] wh = Matrices.times(rnn.params().W(), hs[t - 1]);
            largest = Math.max(largest, Math.sqrt(wh[0] * wh[0] + wh[1] * wh[1] + wh[2] * wh[2] + wh[3] * wh[3]));
        }
        Memoryless m = Memoryless.of(rnn, XS);
        assertEquals(largest, m.largestPush(), 1e-12);
        assertTrue(m.largestPush() <= 2 * Math.sqrt(4));
    }

    @Test
    void theSaturatedShareCountsTheStatesAboveTheLevel() {
        Rnn rnn = new Rnn(Init.withLargestSingularValue(Init.uniform(4, 3, 2, 3), 3), Activations.TANH);
        Memoryless m = Memoryless.of(rnn, XS);
        int above = 0;
        for (double[] h : m.states()) {
            for (double v : h) {
                above += Math.abs(v) > 0.9 ? 1 : 0;
            }
        }
        assertEquals(above / 100.0, m.saturatedShare(0.9));
        assertEquals(0, m.saturatedShare(1));
        assertEquals(1, m.saturatedShare(0));
    }

    @Test
    void aLargerLambda1LetsTheStateStrayFurtherFromTheInput() {
        double small = Memoryless.of(new Rnn(Init.withLargestSingularValue(Init.uniform(4, 3, 2, 3), 0.3), Activations.TANH), XS).correlation();
        double large = Memoryless.of(new Rnn(Init.withLargestSingularValue(Init.uniform(4, 3, 2, 3), 3), Activations.TANH), XS).correlation();
        assertTrue(small > 0.95 && large < small, "correlation at λ1 = 0.3: " + small + ", at λ1 = 3: " + large);
    }

    @TestFactory
    Stream<DynamicTest> badInputIsRejected() {
        Rnn rnn = new Rnn(Init.uniform(2, 3, 2, 1), Activations.TANH);
        return BadInput.table()
                .row("Memoryless.of", "a null network", "rnn", () -> Memoryless.of(null, XS), "null")
                .row("Memoryless.of", "inputs of the wrong width", "xs", () -> Memoryless.of(rnn, new double[][] {{1, 2}}))
                .row("Memoryless.saturatedShare", "a negative level", "level", () -> Memoryless.of(rnn, XS).saturatedShare(-1))
                .tests();
    }
}
