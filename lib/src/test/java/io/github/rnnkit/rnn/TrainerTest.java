package io.github.rnnkit.rnn;

import io.github.rnnkit.activation.Activations;
import io.github.rnnkit.data.Corpus;
import io.github.rnnkit.data.Vocabulary;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerTest {

    static final Vocabulary VOCAB = Vocabulary.of(Corpus.TEXT);
    static final int T = 25;

    static Example window(int step) {
        return VOCAB.window(Corpus.TEXT, (step * T) % (Corpus.TEXT.length() - T - 1), T);
    }

    static TrainingRun minCharRnn(int steps) {
        Rnn start = new Rnn(Init.normal(32, VOCAB.size(), VOCAB.size(), 0.01, 1), Activations.TANH);
        return Trainer.adagrad(0.1).clip(ClipPolicy.value(5)).train(start, steps, TrainerTest::window);
    }

    @Test
    void theFirstLossOfATinyInitialisationIsTTimesLnV() {
        assertEquals(T * Math.log(VOCAB.size()), minCharRnn(1).losses()[0], 0.01);
    }

    @Test
    void theLossFallsOverAFewHundredSteps() {
        double[] losses = minCharRnn(600).losses();
        double first = 0, last = 0;
        for (int i = 0; i < 50; i++) {
            first += losses[i];
            last += losses[losses.length - 1 - i];
        }
        assertTrue(last < 0.75 * first, "first 50: " + first / 50 + ", last 50: " + last / 50);
    }

    @Test
    void theSameSeedGivesTheSameRecord() {
        assertArrayEquals(minCharRnn(20).losses(), minCharRnn(20).losses());
    }

    @Test
    void clippingByGlobalNormBoundsTheNormAfterClipping() {
        Rnn start = new Rnn(Init.uniform(16, VOCAB.size(), VOCAB.size(), 2), Activations.TANH);
        TrainingRun run = Trainer.sgd(0.05).clip(ClipPolicy.globalNorm(1)).train(start, 30, TrainerTest::window);
        for (double n : run.clippedNorms()) {
            assertTrue(n <= 1 + 1e-12);
        }
        assertEquals(30, run.table().rowCount());
    }

    @Test
    void anExplodingRunStopsAndSaysWhere() {
        RnnParams p = Init.withLargestSingularValue(Init.uniform(8, VOCAB.size(), VOCAB.size(), 4), 30);
        Rnn start = new Rnn(p, Activations.RELU);
        TrainingRun run = Trainer.sgd(5).train(start, 200, TrainerTest::window);
        assertTrue(run.diverged());
        assertTrue(run.divergence().startsWith("diverged at step "), run.divergence());
        assertEquals(run.length(), run.losses().length);
    }

    @Test
    void theListenerHearsEveryStep() {
        int[] heard = {0};
        Rnn start = new Rnn(Init.uniform(8, VOCAB.size(), VOCAB.size(), 2), Activations.TANH);
        TrainingRun run = Trainer.sgd(0.01).onStep(s -> heard[0]++).train(start, 7, TrainerTest::window);
        assertEquals(7, heard[0]);
        assertFalse(run.diverged());
    }

    @Test
    void badSettingsAreRejectedByName() {
        assertEquals("learningRate: expected a number > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> Trainer.sgd(0)).getMessage());
        assertEquals("limit: expected a number >= 0, got -5.0",
                assertThrows(IllegalArgumentException.class, () -> ClipPolicy.value(-5)).getMessage());
    }
}
