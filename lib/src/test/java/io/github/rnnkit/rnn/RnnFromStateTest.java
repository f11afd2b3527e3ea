package io.github.rnnkit.rnn;

import io.github.rnnkit.activation.Activations;
import io.github.rnnkit.core.Example;
import io.github.rnnkit.testing.BadInput;
import io.github.rnnkit.train.Trainer;
import io.github.rnnkit.train.TrainingRun;
import io.github.rnnkit.util.Matrices;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class RnnFromStateTest {

    private static final RnnParams P = Init.uniform(4, 3, 3, 5);
    private static final double[] H0 = {0.5, -0.25, 0.75, 0.1};
    private static final double[][] XS = Matrices.gaussian(new Random(6), 7, 3, 1);
    private static final int[] TARGETS = {0, 2, 1, 1, 0, 2, 2};
    private static final Example EXAMPLE = Example.perStep(XS, TARGETS);

    @Test
    void theLossIsTheLossOfAForwardPassFromH0() {
        double fromH0 = new Rnn(P, Activations.TANH).forward(XS, H0).loss(TARGETS);
        assertEquals(fromH0, new RnnFromState(new Rnn(P, Activations.TANH), H0).loss(EXAMPLE), 1e-13);
        assertNotEquals(new Rnn(P, Activations.TANH).loss(EXAMPLE), fromH0, 1e-6, "the start matters for this example");
    }

    @Test
    void oneSgdStepSubtractsTheBpttGradientFromH0() {
        Rnn rnn = new Rnn(P, Activations.TANH);
        Gradients g = rnn.bptt(rnn.forward(XS, H0), TARGETS);
        TrainingRun<RnnFromState> run = Trainer.sgd(0.1).train(new RnnFromState(rnn, H0), 1, s -> EXAMPLE);
        assertEquals(rnn.forward(XS, H0).loss(TARGETS), run.losses()[0], 1e-13, "the loss the trainer recorded");
        double[][] w = run.network().rnn().params().W();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(P.W()[i][j] - 0.1 * g.dW()[i][j], w[i][j], 1e-14, "W[" + i + "][" + j + "]");
            }
        }
        assertArrayEquals(H0, run.network().h0(), 0, "the trained network keeps h_0");
    }

    @Test
    void changingTheCallersArrayLeavesH0AsItWas() {
        double[] mine = H0.clone();
        RnnFromState net = new RnnFromState(new Rnn(P, Activations.TANH), mine);
        mine[0] = 9;
        assertArrayEquals(H0, net.h0(), 0);
        assertArrayEquals(new Rnn(P, Activations.TANH).forward(XS, H0).h(7), net.forward(XS).h(7), 0);
    }

    @TestFactory
    Stream<DynamicTest> rnnFromStateRejectsBadInput() {
        Rnn rnn = new Rnn(P, Activations.TANH);
        return BadInput.table()
                .row("RnnFromState", "a null network", "rnn", () -> new RnnFromState(null, H0), "Rnn", "null")
                .row("RnnFromState", "a start of the wrong size", "h0", () -> new RnnFromState(rnn, new double[3]), "length 4", "length 3")
                .row("RnnFromState", "a NaN start", "h0[1]", () -> new RnnFromState(rnn, new double[] {0, Double.NaN, 0, 0}), "finite", "NaN")
                .row("RnnFromState.loss", "a null example", "e", () -> new RnnFromState(rnn, H0).loss(null), "Example", "null")
                .tests();
    }
}
