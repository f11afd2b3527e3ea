package io.github.rnnkit.rnn;

import io.github.rnnkit.activation.Activations;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class DeadUnitsTest {

    /**
     * Three ReLU units on one input, W = 0: unit 0 has bias −100 (never active), unit 1 reads
     * z = x − 2 (active only where x > 2), unit 2 reads z = 0 exactly (the kink, slope 0).
     */
    private static final RnnParams P = RnnParams.of(new double[][] {{1}, {1}, {0}}, new double[3][3],
            new double[] {-100, -2, 0}, new double[][] {{1, 1, 1}}, new double[] {0});

    @Test
    void aUnitNeverActiveAndAUnitAtTheKinkAreDead() {
        assertArrayEquals(new int[] {0, 2}, DeadUnits.of(new Rnn(P, Activations.RELU), List.<double[][]>of(new double[][] {{1}, {3}})));
    }

    @Test
    void oneActiveStepOfOneSequenceKeepsAUnitAlive() {
        List<double[][]> inputs = List.<double[][]>of(new double[][] {{1}, {1}}, new double[][] {{0}, {5}, {0}});
        assertArrayEquals(new int[] {0, 2}, DeadUnits.of(new Rnn(P, Activations.RELU), inputs));
        assertArrayEquals(new int[] {0, 1, 2}, DeadUnits.of(new Rnn(P, Activations.RELU), inputs.subList(0, 1)));
    }

    @Test
    void leakyReluUnitsNeverDie() {
        assertArrayEquals(new int[0], DeadUnits.of(new Rnn(P, Activations.leakyRelu(0.01)), List.<double[][]>of(new double[][] {{1}})));
    }

    @Test
    void aUnitFedByAnotherUnitComesAliveWhenThatUnitsWeightGrows() {
        // unit 1 reads only unit 0 through W; it is dead while W[1][0] is small and alive once it is large
        double[][] u = {{1}, {0}};
        double[] b = {0, -1};
        List<double[][]> inputs = List.<double[][]>of(new double[][] {{1}, {1}, {1}});
        RnnParams before = RnnParams.of(u, new double[][] {{0, 0}, {0.2, 0}}, b, new double[][] {{1, 1}}, new double[] {0});
        RnnParams after = RnnParams.of(u, new double[][] {{0, 0}, {2, 0}}, b, new double[][] {{1, 1}}, new double[] {0});
        assertArrayEquals(new int[] {1}, DeadUnits.of(new Rnn(before, Activations.RELU), inputs));
        assertArrayEquals(new int[0], DeadUnits.of(new Rnn(after, Activations.RELU), inputs));
    }
}
