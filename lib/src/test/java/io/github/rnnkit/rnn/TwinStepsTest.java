package io.github.rnnkit.rnn;

import io.github.rnnkit.activation.Activations;
import io.github.rnnkit.core.Example;
import io.github.rnnkit.core.Params;
import io.github.rnnkit.testing.BadInput;
import io.github.rnnkit.util.Matrices;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TwinStepsTest {

    private static final int H = 5;
    private static final RnnParams TANH = Init.withLargestSingularValue(Init.uniform(H, 3, 4, 7), 1.3);
    private static final Example EXAMPLE = Example.perStep(Matrices.gaussian(new Random(2), 12, 3, 1),
            new int[] {0, 3, 1, 1, 2, 0, 3, 3, 2, 1, 0, 2});

    private static double[] half() {
        double[] s = new double[H];
        Arrays.fill(s, 0.5);
        return s;
    }

    /** The tanh RNN's gradient, by its own BPTT from h_0 = 0. */
    private static Gradients tanhGradient() {
        return new Rnn(TANH, Activations.TANH).bptt(new Rnn(TANH, Activations.TANH).forward(EXAMPLE.xs(), null), EXAMPLE.loss());
    }

    /** The twin's gradient, by BPTT through the sigmoid network itself from s_0 = ½·1. */
    private static Gradients twinBptt() {
        Rnn twin = new Rnn(TanhAsSigmoid.params(TANH), Activations.SIGMOID);
        return twin.bptt(twin.forward(EXAMPLE.xs(), half()), EXAMPLE.loss());
    }

    private static void assertSame(Params expected, Params actual, double tolerance) {
        for (String name : expected.names()) {
            double[][] e = expected.get(name);
            double[][] a = actual.get(name);
            for (int i = 0; i < e.length; i++) {
                assertArrayEquals(e[i], a[i], tolerance, name + " row " + i);
            }
        }
    }

    @Test
    void tanhParamsUndoesTheTwinsParameters() {
        assertSame(TANH.asParams(), TwinSteps.tanhParams(TanhAsSigmoid.params(TANH)).asParams(), 1e-14);
    }

    @Test
    void theTwinGradientByTheChainRuleIsTheTwinsOwnBptt() {
        assertSame(twinBptt().asParams(), TwinSteps.twinGradient(tanhGradient()), 1e-12);
    }

    @Test
    void anSgdStepOnTheTwinIsTheStepReadBackInTanhCoordinates() {
        double eta = 0.3;
        Params step = TwinSteps.sgdStep(tanhGradient(), eta);
        Params after = TANH.asParams();
        for (String name : after.names()) {
            after = after.with(name, plus(after.get(name), step.get(name), 1));
        }
        // the twin of the stepped tanh RNN (the forward map) against the twin stepped by its own BPTT gradient
        Params twinAfter = TanhAsSigmoid.params(RnnParams.of(after)).asParams();
        Params twinBefore = TanhAsSigmoid.params(TANH).asParams();
        Params g = twinBptt().asParams();
        for (String name : twinBefore.names()) {
            double[][] expected = plus(twinBefore.get(name), g.get(name), -eta);
            for (int i = 0; i < expected.length; i++) {
                assertArrayEquals(expected[i], twinAfter.get(name)[i], 1e-12, name + "' row " + i);
            }
        }
    }

    /** a + s·d, written out. */
    private static double[][] plus(double[][] a, double[][] d, double s) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] += s * d[i][j];
            }
        }
        return out;
    }

    @Test
    void withoutABiasGradientTheTwinMovesWBySixteenthOfTheTanhStep() {
        // a gradient with db = 0, built by hand: no coupling, only the scale of W' = 4W is left
        Gradients g = Gradients.of(new double[H][3], Matrices.gaussian(new Random(4), H, H, 1), new double[H],
                new double[4][H], new double[4], new double[H]);
        double[][] step = TwinSteps.sgdStep(g, 1).get("W");
        for (int i = 0; i < H; i++) {
            for (int j = 0; j < H; j++) {
                assertEquals(-g.dW()[i][j] / 16, step[i][j], 1e-15, "ΔW[" + i + "][" + j + "]");
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> twinStepsRejectBadInput() {
        Gradients g = tanhGradient();
        return BadInput.table()
                .row("TwinSteps.tanhParams", "null", "twin", () -> TwinSteps.tanhParams(null), "RnnParams", "null")
                .row("TwinSteps.twinGradient", "null", "tanh", () -> TwinSteps.twinGradient(null), "Gradients", "null")
                .row("TwinSteps.sgdStep", "a zero learning rate", "learningRate", () -> TwinSteps.sgdStep(g, 0), "0")
                .tests();
    }
}
