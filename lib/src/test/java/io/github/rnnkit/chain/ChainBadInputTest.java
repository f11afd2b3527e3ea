package io.github.rnnkit.chain;

import io.github.rnnkit.rnn.Forward;
import io.github.rnnkit.rnn.Init;
import io.github.rnnkit.rnn.Rnn;
import io.github.rnnkit.testing.BadInput;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static io.github.rnnkit.activation.Activations.SIGMOID;
import static io.github.rnnkit.activation.Activations.TANH;

class ChainBadInputTest {

    static final double NAN = Double.NaN;
    static final double INF = Double.POSITIVE_INFINITY;

    @TestFactory
    Stream<DynamicTest> everyPublicMethodRejectsBadInput() {
        DerivativeChain chain = DerivativeChain.of(SIGMOID, new double[] {1, 2, 3}, new double[] {0, 0, 0}, 1);
        DeepNet net = DeepNet.gaussian(SIGMOID, new int[] {3, 4, 2}, 1);
        double[][] inputs = {{1, 0, 0}, {0, 1, 0}};
        double[][] targets = {{1, 0}, {0, 1}};
        Rnn rnn = new Rnn(Init.uniform(3, 2, 2, 1), TANH);
        Forward fwd = rnn.forward(new double[][] {{1, 0}, {0, 1}, {1, 1}, {0, 0}}, null);
        Forward otherFwd = new Rnn(Init.uniform(4, 2, 2, 1), TANH).forward(new double[][] {{1, 0}}, null);
        RnnJacobians jacobians = RnnJacobians.of(rnn, fwd);
        double[][] w = rnn.params().W();
        double[][] zs = fwd.zs();
        return BadInput.table()
                .row("DerivativeChain.of", "a null activation", "f",
                        () -> DerivativeChain.of(null, new double[] {1}, new double[] {0}, 1), "Activation", "null")
                .row("DerivativeChain.of", "null weights", "weights",
                        () -> DerivativeChain.of(SIGMOID, null, new double[] {0}, 1), "at least one weight", "null")
                .row("DerivativeChain.of", "no weights", "weights",
                        () -> DerivativeChain.of(SIGMOID, new double[0], new double[0], 1), "at least one weight", "none")
                .row("DerivativeChain.of", "a NaN weight", "weights[1]",
                        () -> DerivativeChain.of(SIGMOID, new double[] {1, NAN}, new double[] {0, 0}, 1), "finite", "NaN")
                .row("DerivativeChain.of", "null biases", "biases",
                        () -> DerivativeChain.of(SIGMOID, new double[] {1, 2}, null, 1), "length 2", "null")
                .row("DerivativeChain.of", "fewer biases than weights", "biases",
                        () -> DerivativeChain.of(SIGMOID, new double[] {1, 2, 3}, new double[] {0, 0}, 1), "length 3", "length 2")
                .row("DerivativeChain.of", "an infinite bias", "biases[0]",
                        () -> DerivativeChain.of(SIGMOID, new double[] {1}, new double[] {INF}, 1), "finite", "Infinity")
                .row("DerivativeChain.of", "a NaN input", "input",
                        () -> DerivativeChain.of(SIGMOID, new double[] {1}, new double[] {0}, NAN), "finite", "NaN")
                .row("DerivativeChain.biasGradients", "a NaN upstream gradient", "upstream",
                        () -> chain.biasGradients(NAN), "finite", "NaN")
                .row("DerivativeChain.formulaWithNumbers", "an infinite upstream gradient", "upstream",
                        () -> chain.formulaWithNumbers(INF), "finite", "Infinity")
                .row("DerivativeChain.table", "a NaN upstream gradient", "upstream", () -> chain.table(NAN), "finite", "NaN")
                .row("DeepNet.gaussian", "a null activation", "f",
                        () -> DeepNet.gaussian(null, new int[] {3, 2}, 1), "Activation", "null")
                .row("DeepNet.gaussian", "null sizes", "sizes", () -> DeepNet.gaussian(SIGMOID, null, 1), "null")
                .row("DeepNet.gaussian", "a single size", "sizes",
                        () -> DeepNet.gaussian(SIGMOID, new int[] {3}, 1), "an input and an output size", "1 sizes")
                .row("DeepNet.gaussian", "an empty layer", "sizes[1]",
                        () -> DeepNet.gaussian(SIGMOID, new int[] {3, 0, 2}, 1), ">= 1", "0")
                .row("DeepNet.layerSpeeds", "null inputs", "inputs", () -> net.layerSpeeds(null, targets), "null")
                .row("DeepNet.layerSpeeds", "an empty batch", "inputs",
                        () -> net.layerSpeeds(new double[0][], new double[0][]), "at least one row", "0 rows")
                .row("DeepNet.layerSpeeds", "inputs of the wrong size", "inputs",
                        () -> net.layerSpeeds(new double[][] {{1, 0}, {0, 1}}, targets), "2×3", "row 0 of length 2")
                .row("DeepNet.layerSpeeds", "ragged inputs", "inputs",
                        () -> net.layerSpeeds(new double[][] {{1, 0, 0}, {0, 1}}, targets), "2×3", "row 1 of length 2")
                .row("DeepNet.layerSpeeds", "a NaN input", "inputs[1][2]",
                        () -> net.layerSpeeds(new double[][] {{1, 0, 0}, {0, 1, NAN}}, targets), "finite", "NaN")
                .row("DeepNet.layerSpeeds", "null targets", "targets", () -> net.layerSpeeds(inputs, null), "2×2", "null")
                .row("DeepNet.layerSpeeds", "fewer targets than inputs", "targets",
                        () -> net.layerSpeeds(inputs, new double[][] {{1, 0}}), "2×2", "1 rows")
                .row("DeepNet.layerSpeeds", "targets of the wrong size", "targets",
                        () -> net.layerSpeeds(inputs, new double[][] {{1, 0, 0}, {0, 1, 0}}), "2×2", "row 0 of length 3")
                .row("DeepNet.layerSpeeds", "an infinite target", "targets[0][1]",
                        () -> net.layerSpeeds(inputs, new double[][] {{1, INF}, {0, 1}}), "finite", "Infinity")
                .row("RnnJacobians.of(Rnn, Forward)", "a null network", "rnn", () -> RnnJacobians.of(null, fwd), "null")
                .row("RnnJacobians.of(Rnn, Forward)", "a null forward pass", "fwd", () -> RnnJacobians.of(rnn, null), "null")
                .row("RnnJacobians.of(Rnn, Forward)", "the forward pass of a network with another hidden size", "fwd",
                        () -> RnnJacobians.of(rnn, otherFwd), "H = 3", "H = 4")
                .row("RnnJacobians.of(W, f, zs)", "a null W", "W", () -> RnnJacobians.of(null, SIGMOID, zs), "null")
                .row("RnnJacobians.of(W, f, zs)", "an empty W", "W",
                        () -> RnnJacobians.of(new double[0][], SIGMOID, zs), "at least one row", "0 rows")
                .row("RnnJacobians.of(W, f, zs)", "a W that is not square", "W",
                        () -> RnnJacobians.of(new double[][] {{1, 0}, {0, 1}, {1, 1}}, SIGMOID, zs), "3×3", "row 0 of length 2")
                .row("RnnJacobians.of(W, f, zs)", "a NaN in W", "W[1][0]",
                        () -> RnnJacobians.of(new double[][] {{1, 0}, {NAN, 1}}, SIGMOID, zs), "finite", "NaN")
                .row("RnnJacobians.of(W, f, zs)", "a null activation", "f", () -> RnnJacobians.of(w, null, zs), "Activation", "null")
                .row("RnnJacobians.of(W, f, zs)", "null pre-activations", "zs", () -> RnnJacobians.of(w, SIGMOID, null), "null")
                .row("RnnJacobians.of(W, f, zs)", "no steps", "zs",
                        () -> RnnJacobians.of(w, SIGMOID, new double[0][]), "at least one row", "0 rows")
                .row("RnnJacobians.of(W, f, zs)", "pre-activations of the wrong size", "zs",
                        () -> RnnJacobians.of(w, SIGMOID, new double[][] {{1, 2}}), "1×3", "row 0 of length 2")
                .row("RnnJacobians.of(W, f, zs)", "an infinite pre-activation", "zs[0][2]",
                        () -> RnnJacobians.of(w, SIGMOID, new double[][] {{1, 2, -INF}}), "finite", "-Infinity")
                .row("RnnJacobians.factor", "step 0, which has no Jacobian", "t", () -> jacobians.factor(0), "[1, 4]", "got 0")
                .row("RnnJacobians.factor", "a step past the last", "t", () -> jacobians.factor(5), "[1, 4]", "got 5")
                .row("RnnJacobians.norm", "a step t past the last", "(t, k)", () -> jacobians.norm(5, 0), "t <= 4", "(5, 0)")
                .row("RnnJacobians.norm", "a step k after t", "(t, k)", () -> jacobians.norm(2, 3), "k <= t", "(2, 3)")
                .row("RnnJacobians.norm", "a negative step k", "(t, k)", () -> jacobians.norm(2, -1), "0 <= k", "(2, -1)")
                .row("RnnJacobians.bound", "a step k after t", "(t, k)", () -> jacobians.bound(1, 4), "k <= t", "(1, 4)")
                .row("RnnJacobians.bound", "a negative step t", "(t, k)", () -> jacobians.bound(-1, 0), "<= 4", "(-1, 0)")
                .tests();
    }
}
