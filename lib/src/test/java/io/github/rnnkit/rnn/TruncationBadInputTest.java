package io.github.rnnkit.rnn;

import io.github.rnnkit.activation.Activations;
import io.github.rnnkit.testing.BadInput;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.Random;
import java.util.stream.Stream;

class TruncationBadInputTest {

    @TestFactory
    Stream<DynamicTest> truncatedAndRandomisedBpttRejectBadInput() {
        Rnn rnn = new Rnn(Init.uniform(3, 2, 2, 1), Activations.TANH);
        Forward fwd = rnn.forward(new double[][] {{1, 0}, {0, 1}, {1, 1}}, null);
        Forward otherFwd = new Rnn(Init.uniform(4, 2, 2, 1), Activations.TANH).forward(new double[][] {{1, 0}}, null);
        int[] ys = {0, 1, 1};
        RandomTruncation rt = RandomTruncation.withKeepProbability(0.5);
        return BadInput.table()
                .row("TruncatedBptt.of", "k1 = 0", "k1", () -> TruncatedBptt.of(0, 3), "0")
                .row("TruncatedBptt.of", "k2 < k1", "k2", () -> TruncatedBptt.of(4, 3), "k1 = 4", "3")
                .row("TruncatedBptt.run", "a forward pass of another network", "fwd",
                        () -> TruncatedBptt.window(2).run(rnn, otherFwd, ys), "H=3", "H=4")
                .row("TruncatedBptt.run", "a null network", "rnn", () -> TruncatedBptt.window(2).run(null, fwd, ys), "null")
                .row("TruncatedBptt.run", "too few targets", "targets", () -> TruncatedBptt.window(2).run(rnn, fwd, new int[] {0}))
                .row("RandomTruncation.withKeepProbability", "π = 0", "pi", () -> RandomTruncation.withKeepProbability(0), "0")
                .row("RandomTruncation.withKeepProbability", "π = NaN", "pi", () -> RandomTruncation.withKeepProbability(Double.NaN), "NaN")
                .row("RandomTruncation.withMeanChunk", "a length of 1", "length", () -> RandomTruncation.withMeanChunk(1), "1")
                .row("RandomTruncation.gradients", "a null Random", "rng", () -> rt.gradients(rnn, fwd, ys, (Random) null), "null")
                .row("RandomTruncation.gradients", "cuts of the wrong length", "cuts",
                        () -> rt.gradients(rnn, fwd, ys, new boolean[3]), "4", "3")
                .row("RandomTruncation.accuracy", "no draws", "draws", () -> rt.accuracy(rnn, fwd, ys, 0, new Random(1)), "0")
                .tests();
    }
}
