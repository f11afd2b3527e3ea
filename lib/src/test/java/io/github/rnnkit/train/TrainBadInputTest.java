package io.github.rnnkit.train;

import io.github.rnnkit.clip.ClipPolicy;
import io.github.rnnkit.activation.Activations;
import io.github.rnnkit.gated.Lstm;
import io.github.rnnkit.core.Example;
import io.github.rnnkit.rnn.Init;
import io.github.rnnkit.core.Params;
import io.github.rnnkit.rnn.Rnn;
import io.github.rnnkit.testing.BadInput;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.Map;
import java.util.stream.Stream;

class TrainBadInputTest {

    static final Params ROW = Params.of(Map.of("theta", new double[][] {{1, 2}}));

    @TestFactory
    Stream<DynamicTest> trainingRejectsBadInput() {
        Rnn rnn = new Rnn(Init.uniform(3, 2, 4, 1), Activations.TANH);
        Example example = Example.perStep(new double[][] {{1, 0}, {0, 1}}, new int[] {0, 3});
        Example wide = Example.perStep(new double[][] {{1, 0, 0}}, new int[] {0});
        TrainingRun<Rnn> run = Trainer.sgd(0.1).train(rnn, 2, i -> example);
        return BadInput.table()
                .row("Trainer.sgd", "a learning rate of 0", "learningRate", () -> Trainer.sgd(0), "> 0", "0.0")
                .row("Trainer.adagrad", "a NaN learning rate", "learningRate", () -> Trainer.adagrad(Double.NaN), "NaN")
                .row("Trainer.clip", "a null policy", "policy", () -> Trainer.sgd(0.1).clip(null), "ClipPolicy.none()")
                .row("Trainer.onStep", "a null listener", "listener", () -> Trainer.sgd(0.1).onStep(null), "null")
                .row("Trainer.train", "a null start", "start", () -> Trainer.sgd(0.1).train((Rnn) null, 1, i -> example), "Rnn")
                .row("Trainer.train", "zero steps", "steps", () -> Trainer.sgd(0.1).train(rnn, 0, i -> example), ">= 1", "0")
                .row("Trainer.train", "null data", "data", () -> Trainer.sgd(0.1).train(rnn, 1, null), "null")
                .row("Trainer.train", "data that has no example for a step", "data",
                        () -> Trainer.sgd(0.1).train(rnn, 3, i -> i < 2 ? example : null), "sequence 2")
                .row("Trainer.train", "data that has no example for the second sequence of a batch", "data",
                        () -> Trainer.sgd(0.1).batch(2).train(rnn, 1, i -> i == 0 ? example : null), "sequence 1")
                .row("Trainer.train", "more sequences than an int can count", "steps",
                        () -> Trainer.sgd(0.1).batch(1024).train(rnn, 3_000_000, i -> example), "at most", "3000000")
                .row("Trainer.of", "a null optimiser", "optimizer", () -> Trainer.of(null), "Optimizer", "null")
                .row("Trainer.batch", "a batch of 0 sequences", "size", () -> Trainer.sgd(0.1).batch(0), ">= 1", "0")
                .row("Optimizer.sgd", "a negative learning rate", "learningRate", () -> Optimizer.sgd(-0.1), "> 0", "-0.1")
                .row("Optimizer.momentum", "a momentum of 1", "mu", () -> Optimizer.momentum(0.1, 1), "[0, 1)", "1.0")
                .row("Optimizer.momentum", "a negative momentum", "mu", () -> Optimizer.momentum(0.1, -0.5), "[0, 1)", "-0.5")
                .row("Optimizer.nesterov", "a momentum of 0", "mu", () -> Optimizer.nesterov(0.1, 0), "(0, 1)", "0")
                .row("Optimizer.rmsprop", "a smoothing of 1", "beta", () -> Optimizer.rmsprop(0.1, 1, 1e-8), "[0, 1)", "1.0")
                .row("Optimizer.rmsprop", "a negative epsilon", "epsilon", () -> Optimizer.rmsprop(0.1, 0.9, -1e-8), ">= 0", "-1.0E-8")
                .row("Optimizer.rmsprop", "a NaN learning rate", "learningRate", () -> Optimizer.rmsprop(Double.NaN, 0.9, 1e-8), "NaN")
                .row("Optimizer.adam", "β1 of 1", "beta1", () -> Optimizer.adam(0.1, 1, 0.999, 1e-8), "[0, 1)", "1.0")
                .row("Optimizer.adam", "a negative β2", "beta2", () -> Optimizer.adam(0.1, 0.9, -0.5, 1e-8), "[0, 1)", "-0.5")
                .row("Optimizer.adam", "an infinite epsilon", "epsilon", () -> Optimizer.adam(0.1, 0.9, 0.999, Double.POSITIVE_INFINITY), "Infinity")
                .row("Optimizer.adam", "a learning rate of 0", "learningRate", () -> Optimizer.adam(0), "> 0", "0.0")
                .row("Optimizer.adamW", "a negative decay", "decay", () -> Optimizer.adamW(0.1, -0.01), ">= 0", "-0.01")
                .row("Optimizer.adagrad", "a negative epsilon", "epsilon", () -> Optimizer.adagrad(0.1, -1), ">= 0", "-1.0")
                .row("Optimizer.withLearningRate", "a negative rate", "learningRate", () -> Optimizer.adam(0.1).withLearningRate(-1), "> 0", "-1.0")
                .row("Optimizer.State.step", "null parameters", "theta", () -> Optimizer.sgd(0.1).start().step((Params) null, ROW), "null")
                .row("Optimizer.State.step", "a null gradient", "g", () -> Optimizer.sgd(0.1).start().step(ROW, null), "null")
                .row("Optimizer.State.step", "a gradient under other names", "g", () -> Optimizer.sgd(0.1).start().step(ROW,
                        Params.of(Map.of("other", new double[][] {{1, 2}}))), "[theta]", "[other]")
                .row("Optimizer.State.step", "a gradient of another shape", "g.theta", () -> Optimizer.adam(0.1).start().step(ROW,
                        Params.of(Map.of("theta", new double[][] {{1, 2, 3}}))), "1×2", "length 3")
                .row("Optimizer.State.step", "a null network in training", "network",
                        () -> Optimizer.sgd(0.1).start().step((io.github.rnnkit.core.TrainingState<?>) null, ROW), "TrainingState")
                .row("Trainer.train", "examples wider than the network's input", "xs",
                        () -> Trainer.sgd(0.1).train(rnn, 1, i -> wide), "1×2", "length 3")
                .row("Trainer.train", "an LSTM with fewer classes than the targets", "targets[1]",
                        () -> Trainer.sgd(0.1).train(new Lstm(Lstm.init(2, 2, 2, 1, 1)), 1, i -> example), "[0, 1]", "3")
                .row("Trainer.train", "checkpoints every 0 steps", "every", () -> Trainer.sgd(0.1).train(rnn, 2, i -> example, 0, (d, n) -> { }), ">= 1", "0")
                .row("Trainer.train", "a null checkpoint", "checkpoint", () -> Trainer.sgd(0.1).train(rnn, 2, i -> example, 1, null), "null")
                .row("TrainingRun.step", "a step not completed", "i", () -> run.step(2), "[0, 1]", "2")
                .row("ClipPolicy.value", "a negative θ", "theta", () -> ClipPolicy.value(-5), ">= 0", "-5")
                .row("ClipPolicy.norm", "a NaN θ", "theta", () -> ClipPolicy.norm(Double.NaN), "NaN")
                .row("ClipPolicy.globalNorm", "a negative θ", "theta", () -> ClipPolicy.globalNorm(-1), "-1")
                .row("ClipPolicy.apply", "null gradients", "g", () -> ClipPolicy.value(1).apply(null), "null")
                .tests();
    }
}
