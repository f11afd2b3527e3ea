package io.github.rnnkit.rnn;

import io.github.rnnkit.activation.Activations;
import io.github.rnnkit.chain.RnnJacobians;
import io.github.rnnkit.util.Matrices;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TanhAsSigmoidTest {

    private static final RnnParams TANH = Init.withLargestSingularValue(Init.uniform(6, 3, 2, 4), 1.7);
    private static final double[][] XS = Matrices.gaussian(new Random(8), 20, 3, 1);

    /** The two networks run side by side, the sigmoid one from s_0 = ½·1 (written out, not from TanhAsSigmoid.state). */
    private static Forward[] both() {
        double[] half = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
        return new Forward[] {
            new Rnn(TANH, Activations.TANH).forward(XS, null),
            new Rnn(TanhAsSigmoid.params(TANH), Activations.SIGMOID).forward(XS, half)};
    }

    @Test
    void theSigmoidTwinsStatesAreTheTanhStatesMovedToZeroOne() {
        Forward[] f = both();
        for (int t = 1; t <= XS.length; t++) {
            double[] h = f[0].h(t);
            double[] s = f[1].h(t);
            for (int i = 0; i < h.length; i++) {
                assertEquals(h[i], 2 * s[i] - 1, 1e-14, "h_" + t + "[" + i + "]");
            }
        }
    }

    @Test
    void theSigmoidTwinGivesTheSameOutputs() {
        Forward[] f = both();
        for (int t = 1; t <= XS.length; t++) {
            assertArrayEquals(f[0].o(t), f[1].o(t), 1e-13, "o_" + t);
        }
    }

    @Test
    void theSigmoidTwinHasTheSameJacobianProducts() {
        Forward[] f = both();
        RnnJacobians tanh = RnnJacobians.of(new Rnn(TANH, Activations.TANH), f[0]);
        RnnJacobians sigmoid = RnnJacobians.of(new Rnn(TanhAsSigmoid.params(TANH), Activations.SIGMOID), f[1]);
        for (int k = 0; k < XS.length; k += 4) {
            assertEquals(1, sigmoid.norm(XS.length, k) / tanh.norm(XS.length, k), 1e-10, "‖∂h_T/∂h_" + k + "‖");
        }
    }

    @Test
    void theTwinsRecurrentWeightsAreFourTimesLarger() {
        assertEquals(4 * Matrices.spectralNorm(TANH.W()), Matrices.spectralNorm(TanhAsSigmoid.params(TANH).W()), 1e-10);
    }

    @Test
    void aZeroTanhStateIsAHalfSigmoidState() {
        assertArrayEquals(new double[] {0.5, 0, 1}, TanhAsSigmoid.state(new double[] {0, -1, 1}), 0);
    }
}
