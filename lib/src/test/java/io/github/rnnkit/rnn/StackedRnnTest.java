package io.github.rnnkit.rnn;

import io.github.rnnkit.activation.Activations;
import io.github.rnnkit.testing.BadInput;
import io.github.rnnkit.util.Matrices;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class StackedRnnTest {

    static final int D = 3, H = 5, K = 2, T = 7;
    static final double[][] XS = Matrices.gaussian(new Random(1), T, D, 1);

    @ParameterizedTest
    @CsvSource({"1, false", "1, true", "2, false", "2, true", "3, true"})
    void theArraysHoldWhatEachReaderAndTheOutputNeed(int layers, boolean both) {
        StackedRnn net = StackedRnn.of(layers, both, D, H, K, 4);
        int directions = both ? 2 : 1;
        long readers = 0;
        for (int l = 0; l < layers; l++) {
            int in = l == 0 ? D : directions * H;
            readers += directions * ((long) H * in + (long) H * H + H);
        }
        long expected = readers + (long) K * directions * H + K;
        assertEquals(expected, StackedRnn.entries(net.parameterArrays()));
        assertEquals(readers + (long) layers * directions * H, StackedRnn.entries(net.pyTorchRecurrentArrays()));
        List<double[][]> states = net.states(XS);
        assertEquals(layers * directions, states.size());
        assertEquals((long) layers * directions * T * H, StackedRnn.entries(states));
    }

    @Test
    void theFirstForwardReaderIsAnRnnOverTheInputsAndTheBackwardOneOverThemReversed() {
        StackedRnn net = StackedRnn.of(1, true, D, H, K, 6);
        List<double[][]> arrays = net.parameterArrays();
        double[][] reversed = new double[T][];
        for (int t = 0; t < T; t++) {
            reversed[t] = XS[T - 1 - t];
        }
        Rnn ahead = new Rnn(RnnParams.of(arrays.get(0), arrays.get(1), arrays.get(2)[0], new double[1][H], new double[1]), Activations.TANH);
        Rnn behind = new Rnn(RnnParams.of(arrays.get(3), arrays.get(4), arrays.get(5)[0], new double[1][H], new double[1]), Activations.TANH);
        assertArrayEquals(ahead.forward(XS, null).hs(), net.states(XS).get(0));
        assertArrayEquals(behind.forward(reversed, null).hs(), net.states(XS).get(1));
    }

    @Test
    void pyTorchsSecondBiasIsZeroSoTheSumIsOurs() {
        StackedRnn net = StackedRnn.of(1, false, D, H, K, 2);
        List<double[][]> torch = net.pyTorchRecurrentArrays();
        assertArrayEquals(net.parameterArrays().get(2)[0], torch.get(2)[0]);
        assertArrayEquals(new double[H], torch.get(3)[0]);
    }

    @TestFactory
    Stream<DynamicTest> badInputIsRejected() {
        return BadInput.table()
                .row("StackedRnn.of", "no layers", "layers", () -> StackedRnn.of(0, false, D, H, K, 1), "0")
                .row("StackedRnn.of", "no hidden units", "hidden", () -> StackedRnn.of(1, false, D, 0, K, 1), "0")
                .row("StackedRnn.states", "inputs of the wrong width", "xs", () -> StackedRnn.of(1, false, D, H, K, 1).states(new double[][] {{1}}))
                .row("StackedRnn.entries", "null", "arrays", () -> StackedRnn.entries(null), "null")
                .tests();
    }
}
