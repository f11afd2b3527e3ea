package io.github.rnnkit.chain;

import io.github.rnnkit.activation.Activations;
import io.github.rnnkit.rnn.Init;
import io.github.rnnkit.rnn.Rnn;
import io.github.rnnkit.testing.BadInput;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

class GainBadInputTest {

    @TestFactory
    Stream<DynamicTest> jacobianProductAndGainSurveyRejectBadInput() {
        Rnn rnn = new Rnn(Init.uniform(3, 2, 2, 1), Activations.TANH);
        var fwd = rnn.forward(new double[][] {{1, 0}, {0, 1}}, null);
        var otherFwd = new Rnn(Init.uniform(4, 2, 2, 1), Activations.TANH).forward(new double[][] {{1, 0}}, null);
        double[][] zs = {{0, 0, 0}, {1, 1, 1}};
        List<GainSurvey.Drive> drives = List.of(GainSurvey.pyTorchInit());
        return BadInput.table()
                .row("JacobianProduct.of(Rnn, Forward)", "a null network", "rnn", () -> JacobianProduct.of(null, fwd), "null")
                .row("JacobianProduct.of(Rnn, Forward)", "the forward pass of another width", "fwd",
                        () -> JacobianProduct.of(rnn, otherFwd), "H = 3", "H = 4")
                .row("JacobianProduct.of(W, f, zs)", "a W that is not square", "W",
                        () -> JacobianProduct.of(new double[][] {{1, 0, 0}, {0, 1, 0}}, Activations.TANH, zs))
                .row("JacobianProduct.of(W, f, zs)", "pre-activations of the wrong width", "zs",
                        () -> JacobianProduct.of(new double[][] {{1, 0}, {0, 1}}, Activations.TANH, zs))
                .row("JacobianProduct.of(W, f, zs)", "a null activation", "f",
                        () -> JacobianProduct.of(new double[][] {{1}}, null, new double[][] {{0}}), "null")
                .row("GainSurvey.fixedDrive", "a drive of zero", "std", () -> GainSurvey.fixedDrive(0), "0")
                .row("GainSurvey.run", "no widths", "hiddens",
                        () -> GainSurvey.run(new int[0], new double[] {1}, drives, 5, 2), "at least one")
                .row("GainSurvey.run", "a width of 0", "hiddens", () -> GainSurvey.run(new int[] {0}, new double[] {1}, drives, 5, 2))
                .row("GainSurvey.run", "a negative λ1", "lambdas", () -> GainSurvey.run(new int[] {2}, new double[] {-1}, drives, 5, 2))
                .row("GainSurvey.run", "no seeds", "seeds", () -> GainSurvey.run(new int[] {2}, new double[] {1}, drives, 5, 0))
                .row("GainSurvey.network", "a null drive", "drive", () -> GainSurvey.network(2, 1, null, 1), "null")
                .row("GainSurvey.inputs", "no steps", "steps", () -> GainSurvey.inputs(0, 1))
                .tests();
    }
}
