package io.github.rnnkit.train;

import io.github.rnnkit.clip.ClipPolicy;
import io.github.rnnkit.activation.Activations;
import io.github.rnnkit.data.AddingProblem;
import io.github.rnnkit.data.Corpus;
import io.github.rnnkit.data.Vocabulary;
import io.github.rnnkit.gated.Gru;
import io.github.rnnkit.gated.Lstm;
import io.github.rnnkit.core.Example;
import io.github.rnnkit.rnn.Init;
import io.github.rnnkit.core.Params;
import io.github.rnnkit.rnn.Rnn;
import io.github.rnnkit.rnn.RnnParams;
import io.github.rnnkit.core.Trainable;
import io.github.rnnkit.util.Matrices;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerTest {

    static final Vocabulary VOCAB = Vocabulary.of(Corpus.TEXT);
    static final int T = 25;

    static Example window(int step) {
        return VOCAB.window(Corpus.TEXT, (step * T) % (Corpus.TEXT.length() - T - 1), T);
    }

    static TrainingRun<Rnn> minCharRnn(int steps) {
        Rnn start = new Rnn(Init.normal(32, VOCAB.size(), VOCAB.size(), 0.01, 1), Activations.TANH);
        return Trainer.adagrad(0.1).clip(ClipPolicy.value(5)).train(start, steps, TrainerTest::window);
    }

    static double mean(double[] xs, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += xs[i];
        }
        return sum / (to - from);
    }

    @Test
    void theFirstLossOfATinyInitialisationIsTTimesLnV() {
        assertEquals(T * Math.log(VOCAB.size()), minCharRnn(1).losses()[0], 0.01);
    }

    @Test
    void theLossFallsOverAFewHundredSteps() {
        double[] losses = minCharRnn(600).losses();
        double first = mean(losses, 0, 50);
        double last = mean(losses, losses.length - 50, losses.length);
        assertTrue(last < 0.75 * first, "first 50: " + first + ", last 50: " + last);
    }

    @Test
    void theSameSeedGivesTheSameRecord() {
        assertArrayEquals(minCharRnn(20).losses(), minCharRnn(20).losses());
    }

    @Test
    void trainingLeavesTheStartingNetworkAsItWas() {
        RnnParams p = Init.uniform(8, VOCAB.size(), VOCAB.size(), 2);
        Rnn start = new Rnn(p, Activations.TANH);
        double before = start.loss(window(0));
        TrainingRun<Rnn> run = Trainer.sgd(0.1).train(start, 20, TrainerTest::window);
        assertArrayEquals(Init.uniform(8, VOCAB.size(), VOCAB.size(), 2).W(), start.params().W());
        assertEquals(before, start.loss(window(0)));
        assertTrue(run.network().loss(window(0)) < before);
    }

    /** One SGD step by hand: θ − η ∂L/∂θ, from the network's own gradient. */
    static <N extends Trainable<N>> void oneSgdStepIsThetaMinusEtaG(N start, Function<N, Params> params,
                                                                    Function<N, Params> gradient) {
        double eta = 0.3;
        N trained = Trainer.sgd(eta).train(start, 1, i -> EXAMPLE).network();
        Params theta = params.apply(start);
        Params g = gradient.apply(start);
        Params after = params.apply(trained);
        for (String name : theta.names()) {
            double[][] expected = theta.get(name);
            double[][] grad = g.get(name);
            for (int i = 0; i < expected.length; i++) {
                for (int j = 0; j < expected[i].length; j++) {
                    expected[i][j] -= eta * grad[i][j];
                }
                assertArrayEquals(expected[i], after.get(name)[i], 1e-15, name + " row " + i);
            }
        }
    }

    static final Example EXAMPLE = AddingProblem.examples(1, 6, 3).get(0);

    @Test
    void anSgdStepOnAnRnnIsThetaMinusEtaTimesItsGradient() {
        oneSgdStepIsThetaMinusEtaG(new Rnn(Init.uniform(4, 2, 1, 1), Activations.TANH), r -> r.params().asParams(),
                r -> r.evaluate(EXAMPLE, null).gradient());
    }

    @Test
    void anSgdStepOnAnLstmIsThetaMinusEtaTimesItsGradient() {
        oneSgdStepIsThetaMinusEtaG(new Lstm(Lstm.init(4, 2, 1, 1.0, 1)), Lstm::params, l -> l.evaluate(EXAMPLE).gradient());
    }

    @Test
    void anSgdStepOnAGruIsThetaMinusEtaTimesItsGradient() {
        oneSgdStepIsThetaMinusEtaG(new Gru(Gru.init(4, 2, 1, 1)), Gru::params, g -> g.evaluate(EXAMPLE).gradient());
    }

    /** S ← S + g², Θ ← Θ − η g / sqrt(S + 1e-8), in place, entry by entry. */
    static void adagradByHand(double[][] theta, double[][] m, double[][] g, double eta) {
        for (int i = 0; i < theta.length; i++) {
            for (int j = 0; j < theta[0].length; j++) {
                m[i][j] += g[i][j] * g[i][j];
                theta[i][j] -= eta * g[i][j] / Math.sqrt(m[i][j] + 1e-8);
            }
        }
    }

    @Test
    void adagradScalesEachEntryByItsRunningSumOfSquares() {
        Lstm start = new Lstm(Lstm.init(3, 2, 1, 0.0, 5));
        List<Example> data = AddingProblem.examples(2, 5, 9);
        double[][] theta = start.params().get("Wf");
        double[][] m = new double[theta.length][theta[0].length];
        adagradByHand(theta, m, start.evaluate(data.get(0)).gradient().get("Wf"), 0.05);
        Lstm afterOne = Trainer.adagrad(0.05).train(start, 1, data::get).network();
        assertArrayEquals(theta, afterOne.params().get("Wf"));
        adagradByHand(theta, m, afterOne.evaluate(data.get(1)).gradient().get("Wf"), 0.05);
        Lstm afterTwo = Trainer.adagrad(0.05).train(start, 2, data::get).network();
        for (int i = 0; i < theta.length; i++) {
            assertArrayEquals(theta[i], afterTwo.params().get("Wf")[i], 1e-15, "row " + i);
        }
    }

    @Test
    void anLstmAndAGruLearnTheAddingProblemWithTheSameTrainer() {
        List<Example> train = AddingProblem.examples(1500, 5, 1);
        Trainer trainer = Trainer.adagrad(0.05).clip(ClipPolicy.globalNorm(1));
        for (TrainingRun<?> run : List.of(trainer.train(new Lstm(Lstm.init(8, 2, 1, 1.0, 2)), 1500, train::get),
                trainer.train(new Gru(Gru.init(8, 2, 1, 2)), 1500, train::get))) {
            double[] l = run.losses();
            double first = mean(l, 0, 300);
            double last = mean(l, l.length - 300, l.length);
            assertFalse(run.diverged(), run.divergence());
            assertTrue(last < 0.5 * first, run.network() + ": first 300 " + first + ", last 300 " + last);
        }
    }

    @Test
    void clippingByGlobalNormBoundsTheNormAfterClipping() {
        Rnn start = new Rnn(Init.uniform(16, VOCAB.size(), VOCAB.size(), 2), Activations.TANH);
        TrainingRun<Rnn> run = Trainer.sgd(0.05).clip(ClipPolicy.globalNorm(1)).train(start, 30, TrainerTest::window);
        for (double n : run.clippedNorms()) {
            assertTrue(n <= 1 + 1e-12);
        }
        assertEquals(30, run.table().rowCount());
        assertEquals("global norm 1.0", run.policy().toString());
    }

    @Test
    void anExplodingRunStopsAndSaysWhere() {
        RnnParams p = Init.withLargestSingularValue(Init.uniform(8, VOCAB.size(), VOCAB.size(), 4), 30);
        Rnn start = new Rnn(p, Activations.RELU);
        TrainingRun<Rnn> run = Trainer.sgd(5).train(start, 200, TrainerTest::window);
        assertTrue(run.diverged());
        assertTrue(run.divergence().startsWith("diverged at step "), run.divergence());
        assertEquals(run.length(), run.losses().length);
    }

    @Test
    void aHugeLearningRateEndsInADivergedRunNotAnError() {
        Rnn start = new Rnn(Init.uniform(8, VOCAB.size(), VOCAB.size(), 2), Activations.TANH);
        TrainingRun<Rnn> run = Trainer.sgd(1e308).train(start, 50, TrainerTest::window);
        assertTrue(run.diverged(), run.toString());
        assertTrue(run.length() < 50, run.toString());
        assertTrue(hasNonFinite(run.network().params().W()) || hasNonFinite(run.network().params().V()), run.toString());
    }

    @Test
    void aWeightThatOverflowsOnTheLastStepIsReportedToo() {
        Rnn start = new Rnn(Init.uniform(8, VOCAB.size(), VOCAB.size(), 2), Activations.TANH);
        TrainingRun<Rnn> run = Trainer.sgd(1e308).train(start, 1, TrainerTest::window);
        assertEquals(1, run.length());
        assertTrue(run.divergence().startsWith("diverged after step 0: a weight is no longer finite ("), run.divergence());
    }

    static boolean hasNonFinite(double[][] m) {
        for (double[] row : m) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void theListenerHearsEveryStepAndTheRunKeepsEachStep() {
        int[] heard = {0};
        Rnn start = new Rnn(Init.uniform(8, VOCAB.size(), VOCAB.size(), 2), Activations.TANH);
        TrainingRun<Rnn> run = Trainer.sgd(0.01).onStep(s -> heard[0]++).train(start, 7, TrainerTest::window);
        assertEquals(7, heard[0]);
        assertFalse(run.diverged());
        assertEquals(run.losses()[3], run.step(3).loss());
        assertEquals(3, run.step(3).step());
    }

    @Test
    void aPolicyClipsEveryParameterOfAGatedNetwork() {
        Params g = new Lstm(Lstm.init(4, 2, 1, 1.0, 1)).evaluate(EXAMPLE).gradient().scaled(100);
        Params clipped = ClipPolicy.value(0.01).apply(g).clipped();
        assertEquals(g.names(), clipped.names());
        for (double v : clipped.flatten()) {
            assertTrue(Math.abs(v) <= 0.01);
        }
        assertSame(g, ClipPolicy.none().apply(g).clipped());
        Params perTensor = ClipPolicy.norm(0.5).apply(g).clipped();
        for (String name : g.names()) {
            double before = Matrices.frobenius(g.get(name));
            assertEquals(Math.min(0.5, before), Matrices.frobenius(perTensor.get(name)), 1e-12, name);
        }
    }

    @Test
    void eachCheckpointHoldsTheNetworkOfARunThatStoppedThere() {
        List<Example> train = AddingProblem.examples(60, 6, 3);
        Trainer sgd = Trainer.sgd(0.1).clip(ClipPolicy.globalNorm(1));
        Lstm start = new Lstm(Lstm.init(4, 2, 1, 1.0, 5));
        List<Integer> at = new java.util.ArrayList<>();
        List<Lstm> seen = new java.util.ArrayList<>();
        sgd.train(start, 60, train::get, 25, (done, network) -> { at.add(done); seen.add(network); });
        assertEquals(List.of(25, 50), at);
        for (int i = 0; i < at.size(); i++) {
            Lstm alone = sgd.train(start, at.get(i), train::get).network();
            assertArrayEquals(alone.params().flatten(), seen.get(i).params().flatten(), 0, "after " + at.get(i) + " steps");
        }
    }

    @Test
    void runsOnSeveralThreadsGiveWhatTheyGiveOneAfterAnother() {
        List<Example> train = AddingProblem.examples(200, 8, 4);
        Trainer sgd = Trainer.sgd(0.05).clip(ClipPolicy.globalNorm(1));
        Function<Integer, double[]> run = seed -> {
            double[] rnn = sgd.train(new Rnn(Init.uniform(6, 2, 1, seed), Activations.RELU), 200, train::get).network().params().asParams().flatten();
            double[] gru = sgd.train(new Gru(Gru.init(6, 2, 1, seed)), 200, train::get).network().params().flatten();
            return Matrices.flatten(new double[][] {rnn, gru});
        };
        List<double[]> parallel = java.util.stream.IntStream.range(0, 8).parallel().boxed().map(run).toList();
        for (int seed = 0; seed < 8; seed++) {
            assertArrayEquals(run.apply(seed), parallel.get(seed), 0, "seed " + seed);
        }
    }

    @Test
    void aNetworksLossWithoutGradientsIsHalfTheSquaredErrorOfItsLastOutput() {
        Example e = AddingProblem.examples(1, 7, 2).get(0);
        double y = AddingProblem.target(e);
        Rnn rnn = new Rnn(Init.uniform(5, 2, 1, 3), Activations.TANH);
        double o = rnn.forward(e.xs(), null).o(7)[0];
        assertEquals(0.5 * (o - y) * (o - y), rnn.loss(e), 1e-15);
        Gru gru = new Gru(Gru.init(5, 2, 1, 3));
        double og = gru.forward(e.xs()).logits()[6][0];
        assertEquals(0.5 * (og - y) * (og - y), gru.loss(e), 1e-15);
    }

    @Test
    void theAddingProblemsMseIsTheMeanSquaredErrorOfTheLastOutput() {
        List<Example> test = AddingProblem.examples(40, 9, 6);
        Lstm lstm = new Lstm(Lstm.init(5, 2, 1, 1.0, 3));
        double sum = 0;
        for (Example e : test) {
            double d = lstm.forward(e.xs()).logits()[8][0] - AddingProblem.target(e);
            sum += d * d;
        }
        assertEquals(sum / 40, AddingProblem.mse(lstm, test), 1e-14);
    }
}
