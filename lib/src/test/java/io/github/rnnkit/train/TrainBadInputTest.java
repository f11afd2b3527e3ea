package io.github.rnnkit.train;

import io.github.rnnkit.activation.Activations;
import io.github.rnnkit.gated.Lstm;
import io.github.rnnkit.rnn.Example;
import io.github.rnnkit.rnn.Init;
import io.github.rnnkit.rnn.Rnn;
import io.github.rnnkit.testing.BadInput;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

class TrainBadInputTest {

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
                        () -> Trainer.sgd(0.1).train(rnn, 3, i -> i < 2 ? example : null), "step 2")
                .row("Trainer.train", "examples wider than the network's input", "xs",
                        () -> Trainer.sgd(0.1).train(rnn, 1, i -> wide), "1×2", "length 3")
                .row("Trainer.train", "an LSTM with fewer classes than the targets", "targets[1]",
                        () -> Trainer.sgd(0.1).train(new Lstm(Lstm.init(2, 2, 2, 1, 1)), 1, i -> example), "[0, 1]", "3")
                .row("Trainer.train", "checkpoints every 0 steps", "every", () -> Trainer.sgd(0.1).train(rnn, 2, i -> example, 0, (d, n) -> { }), ">= 1", "0")
                .row("Trainer.train", "a null checkpoint", "checkpoint", () -> Trainer.sgd(0.1).train(rnn, 2, i -> example, 1, null), "null")
                .row("TrainingRun.step", "a step not completed", "i", () -> run.step(2), "[0, 1]", "2")
                .row("ClipPolicy.value", "a negative limit", "limit", () -> ClipPolicy.value(-5), ">= 0", "-5")
                .row("ClipPolicy.norm", "a NaN limit", "maxNorm", () -> ClipPolicy.norm(Double.NaN), "NaN")
                .row("ClipPolicy.globalNorm", "a negative limit", "maxNorm", () -> ClipPolicy.globalNorm(-1), "-1")
                .row("ClipPolicy.apply", "null gradients", "g", () -> ClipPolicy.value(1).apply(null), "null")
                .tests();
    }
}
