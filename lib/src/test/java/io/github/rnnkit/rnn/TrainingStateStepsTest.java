package io.github.rnnkit.rnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.rnnkit.activation.Activations;
import org.junit.jupiter.api.Test;

/** TrainingState's SGD and Adagrad steps against steps worked by hand on a 1-unit RNN. */
class TrainingStateStepsTest {

    private static final RnnParams START = RnnParams.of(new double[][] {{0.5}}, new double[][] {{-1}}, new double[] {2},
            new double[][] {{3}}, new double[] {0});

    /** A gradient for START's shapes: U 0.2, W −0.4, b 0, V 1, c 4. */
    private static Params gradient() {
        return RnnParams.of(new double[][] {{0.2}}, new double[][] {{-0.4}}, new double[] {0}, new double[][] {{1}},
                new double[] {4}).toParams();
    }

    @Test
    void anSgdStepSubtractsTheRateTimesTheGradientFromEveryEntry() {
        TrainingState<Rnn> state = new Rnn(START, Activations.IDENTITY).startTraining();
        state.sgdStep(gradient(), 0.5);
        RnnParams p = state.network().params();
        assertEquals(0.5 - 0.1, p.U()[0][0], 1e-15);
        assertEquals(-1 + 0.2, p.W()[0][0], 1e-15);
        assertEquals(2, p.b()[0], 1e-15);
        assertEquals(3 - 0.5, p.V()[0][0], 1e-15);
        assertEquals(-2, p.c()[0], 1e-15);
    }

    @Test
    void adagradStepsDivideByTheRootOfTheSquaredGradientsSummedSoFar() {
        TrainingState<Rnn> state = new Rnn(START, Activations.IDENTITY).startTraining();
        state.adagradStep(gradient(), 0.1);
        state.adagradStep(gradient(), 0.1);
        RnnParams p = state.network().params();
        // c: g = 4 twice, S = 16 then 32: c = 0 − 0.1·4/√16 − 0.1·4/√32
        assertEquals(-0.4 / Math.sqrt(16 + 1e-8) - 0.4 / Math.sqrt(32 + 1e-8), p.c()[0], 1e-12);
        // b: g = 0 leaves it, whatever S is
        assertEquals(2, p.b()[0], 1e-15);
        // U: g = 0.2, S = 0.04 then 0.08
        assertEquals(0.5 - 0.02 / Math.sqrt(0.04 + 1e-8) - 0.02 / Math.sqrt(0.08 + 1e-8), p.U()[0][0], 1e-12);
    }

    @Test
    void aStepWithAGradientOfTheWrongShapeIsRefused() {
        TrainingState<Rnn> state = new Rnn(START, Activations.IDENTITY).startTraining();
        Params wrong = RnnParams.of(new double[2][1], new double[2][2], new double[2], new double[1][2], new double[1]).toParams();
        assertThrows(IllegalArgumentException.class, () -> state.sgdStep(wrong, 0.1));
    }
}
