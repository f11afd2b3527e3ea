package io.github.rnnkit.rnn;

import io.github.rnnkit.activation.Activations;
import io.github.rnnkit.core.Example;
import io.github.rnnkit.core.Loss;
import io.github.rnnkit.core.Params;
import io.github.rnnkit.core.Softmax;
import io.github.rnnkit.testing.BadInput;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.Map;
import java.util.stream.Stream;

class RnnBadInputTest {

    private static final RnnParams P = Init.uniform(3, 2, 4, 1);
    private static final Rnn RNN = new Rnn(P, Activations.TANH);
    private static final double[][] XS = {{1, 0}, {0, 1}};
    private static final Forward FWD = RNN.forward(XS, null);
    private static final int[] TARGETS = {0, 3};

    @TestFactory
    Stream<DynamicTest> parametersAndNetworkRejectBadInput() {
        return BadInput.table()
                .row("RnnParams.of", "a non-square W", "W", () -> RnnParams.of(P.U(), new double[3][2], P.b(), P.V(), P.c()), "3×3")
                .row("RnnParams.of", "a U with the wrong number of rows", "U", () -> RnnParams.of(new double[2][2], P.W(), P.b(), P.V(), P.c()), "3×2", "2 rows")
                .row("RnnParams.of", "a b of the wrong length", "b", () -> RnnParams.of(P.U(), P.W(), new double[2], P.V(), P.c()), "length 3", "length 2")
                .row("RnnParams.of", "a V whose width is not H", "V", () -> RnnParams.of(P.U(), P.W(), P.b(), new double[4][2], P.c()), "4×3")
                .row("RnnParams.of", "a c of the wrong length", "c", () -> RnnParams.of(P.U(), P.W(), P.b(), P.V(), new double[3]), "length 4", "length 3")
                .row("RnnParams.of", "a NaN weight", "W[1][2]", () -> RnnParams.of(P.U(), withEntry(P.W(), 1, 2, Double.NaN), P.b(), P.V(), P.c()), "finite", "NaN")
                .row("RnnParams.of", "a null U", "U", () -> RnnParams.of(null, P.W(), P.b(), P.V(), P.c()), "null")
                .row("new Rnn", "null parameters", "params", () -> new Rnn(null, Activations.TANH), "null")
                .row("new Rnn", "a null activation", "f", () -> new Rnn(P, null), "Activation")
                .row("Rnn.forward", "an empty sequence", "xs", () -> RNN.forward(new double[0][], null), "0 rows")
                .row("Rnn.forward", "inputs of the wrong size", "xs", () -> RNN.forward(new double[][] {{1, 0, 0}}, null), "1×2", "length 3")
                .row("Rnn.forward", "an infinite input", "xs[0][1]", () -> RNN.forward(new double[][] {{1, Double.POSITIVE_INFINITY}}, null), "Infinity")
                .row("Rnn.forward", "an h0 of the wrong length", "h0", () -> RNN.forward(XS, new double[2]), "length 3", "length 2")
                .row("Rnn.bptt", "a null forward pass", "fwd", () -> RNN.bptt(null, TARGETS), "null")
                .row("Rnn.bptt", "a forward pass of another network's shape", "fwd",
                        () -> RNN.bptt(new Rnn(Init.uniform(5, 2, 4, 1), Activations.TANH).forward(XS, null), TARGETS), "H=3", "H=5")
                .row("Rnn.bptt", "one target too few", "targets", () -> RNN.bptt(FWD, new int[] {0}), "2 class indices", "got 1")
                .row("Rnn.bptt", "a target past the last class", "targets[1]", () -> RNN.bptt(FWD, new int[] {0, 4}), "[0, 3]", "4")
                .row("Rnn.bptt", "a negative target", "targets[0]", () -> RNN.bptt(FWD, new int[] {-1, 0}), "-1")
                .row("Rnn.bptt", "a window k of 0", "k", () -> RNN.bptt(FWD, TARGETS, 0), ">= 1", "0")
                .row("Rnn.bpttLastStep", "a target of the wrong length", "target", () -> RNN.bpttLastStep(FWD, new double[3]), "length 4")
                .row("Rnn.bpttLastStep", "a NaN target", "target[0]", () -> RNN.bpttLastStep(FWD, new double[] {Double.NaN, 0, 0, 0}), "NaN")
                .row("Rnn.loss", "a null example", "e", () -> RNN.loss(null), "Example")
                .row("Init.orthogonal", "no hidden units", "hidden", () -> Init.orthogonal(0, 2, 1, 1), ">= 1", "0")
                .row("TanhAsSigmoid.params", "null parameters", "tanh", () -> TanhAsSigmoid.params(null), "RnnParams")
                .row("TanhAsSigmoid.state", "an empty state", "h", () -> TanhAsSigmoid.state(new double[0]), "non-empty", "length 0")
                .row("TanhAsSigmoid.state", "a NaN state", "h[1]", () -> TanhAsSigmoid.state(new double[] {0, Double.NaN}), "NaN")
                .row("DeadUnits.of", "a null network", "rnn", () -> DeadUnits.of(null, java.util.List.<double[][]>of(XS)), "Rnn")
                .row("DeadUnits.of", "no sequences", "sequences", () -> DeadUnits.of(RNN, java.util.List.of()), "none")
                .row("DeadUnits.of", "a null sequence", "sequences", () -> DeadUnits.of(RNN, java.util.Arrays.asList(XS, null)), "null at 1")
                .row("DeadUnits.of", "a sequence of the wrong width", "xs", () -> DeadUnits.of(RNN, java.util.List.<double[][]>of(new double[][] {{1, 2, 3}})), "1×2")
                .tests();
    }

    @TestFactory
    Stream<DynamicTest> lossesAndGradientsRejectBadInput() {
        Gradients g = RNN.bptt(FWD, TARGETS);
        return BadInput.table()
                .row("Forward.loss", "null targets", "targets", () -> FWD.loss(null), "null")
                .row("Forward.loss", "a target past the last class", "targets[0]", () -> FWD.loss(new int[] {7, 0}), "7")
                .row("Forward.lastStepSquaredError", "a target of the wrong length", "target", () -> FWD.lastStepSquaredError(new double[1]), "length 4")
                .row("Softmax.of", "an empty vector", "o", () -> Softmax.of(new double[0]), "length 0")
                .row("Softmax.logSumExp", "null", "o", () -> Softmax.logSumExp(null), "null")
                .row("Gradients.of", "a dW that does not match dU's rows", "dU", () -> Gradients.of(new double[2][2], g.dW(), g.db(), g.dV(), g.dc(), g.dh0()), "3×2")
                .row("Gradients.of", "a db of the wrong length", "db", () -> Gradients.of(g.dU(), g.dW(), new double[1], g.dV(), g.dc(), g.dh0()), "length 3")
                .row("Gradients.of", "a dV whose width is not H", "dV", () -> Gradients.of(g.dU(), g.dW(), g.db(), new double[4][1], g.dc(), g.dh0()), "4×3")
                .row("Gradients.of", "a dc of the wrong length", "dc", () -> Gradients.of(g.dU(), g.dW(), g.db(), g.dV(), new double[2], g.dh0()), "length 4")
                .row("Gradients.of", "a null dh0", "dh0", () -> Gradients.of(g.dU(), g.dW(), g.db(), g.dV(), g.dc(), null), "null")
                .row("Gradients.scaled", "an infinite factor", "s", () -> g.scaled(Double.POSITIVE_INFINITY), "finite")
                .tests();
    }

    @TestFactory
    Stream<DynamicTest> initialisersAndChecksRejectBadInput() {
        return BadInput.table()
                .row("Init.uniform", "zero hidden units", "hidden", () -> Init.uniform(0, 2, 2, 1), ">= 1", "0")
                .row("Init.uniform", "a negative input size", "input", () -> Init.uniform(2, -1, 2, 1), "-1")
                .row("Init.normal", "zero outputs", "output", () -> Init.normal(2, 2, 0, 0.1, 1), "0")
                .row("Init.normal", "a negative σ", "sigma", () -> Init.normal(2, 2, 2, -0.1, 1), ">= 0", "-0.1")
                .row("Init.identity", "a NaN scale", "scale", () -> Init.identity(2, 2, 2, Double.NaN, 1), "finite")
                .row("Init.withSpectralRadius", "a negative radius", "radius", () -> Init.withSpectralRadius(P, -1), "-1")
                .row("Init.withSpectralRadius", "null parameters", "params", () -> Init.withSpectralRadius(null, 1), "null")
                .row("Init.withSpectralRadius", "a W that is all zeros", "params",
                        () -> Init.withSpectralRadius(RnnParams.of(P.U(), new double[3][3], P.b(), P.V(), P.c()), 1), "W = 0")
                .row("Init.withLargestSingularValue", "an infinite λ1", "lambda1", () -> Init.withLargestSingularValue(P, Double.POSITIVE_INFINITY), "finite")
                .row("GradientCheck.crossEntropy", "null parameters", "params", () -> GradientCheck.crossEntropy(null, Activations.TANH, XS, null, TARGETS), "null")
                .row("GradientCheck.crossEntropy", "a target out of range", "targets[0]", () -> GradientCheck.crossEntropy(P, Activations.TANH, XS, null, new int[] {9, 0}), "9")
                .row("GradientCheck.lastStepSquaredError", "a null activation", "f", () -> GradientCheck.lastStepSquaredError(P, null, XS, null, new double[4]), "null")
                .tests();
    }

    @TestFactory
    Stream<DynamicTest> examplesLossesAndNamedParametersRejectBadInput() {
        Example example = Example.perStep(XS, TARGETS);
        Params named = P.asParams();
        return BadInput.table()
                .row("Example.perStep", "targets of another length than the inputs", "targets", () -> Example.perStep(XS, new int[] {1}), "2 class indices", "got 1")
                .row("Example.perStep", "null targets", "targets", () -> Example.perStep(XS, null), "class indices", "null")
                .row("Example.perStep", "an empty sequence", "xs", () -> Example.perStep(new double[0][], new int[0]), "0 rows")
                .row("Example.perStep", "ragged inputs", "xs", () -> Example.perStep(new double[][] {{1, 0}, {1}}, TARGETS), "2×2", "row 1 of length 1")
                .row("Example.lastStep", "a NaN input", "xs[1][0]", () -> Example.lastStep(new double[][] {{1}, {Double.NaN}}, new double[] {1}), "NaN")
                .row("Example.lastStep", "an empty target", "target", () -> Example.lastStep(XS, new double[0]), "length 0")
                .row("Example.lastStep", "an infinite target", "target[0]", () -> Example.lastStep(XS, new double[] {Double.NEGATIVE_INFINITY}), "Infinity")
                .row("Rnn.evaluate", "a null example", "e", () -> new Rnn(Init.uniform(3, 2, 2, 1), Activations.TANH).evaluate(null, null), "Example")
                .row("Rnn.evaluate", "a network with fewer classes than the targets need", "targets[1]",
                        () -> new Rnn(Init.uniform(3, 2, 2, 1), Activations.TANH).evaluate(example, null), "[0, 1]", "3")
                .row("Loss.crossEntropy", "null targets", "targets", () -> Loss.crossEntropy(null), "class indices", "null")
                .row("Loss.value", "logits for more steps than targets", "targets",
                        () -> Loss.crossEntropy(new int[] {0}).value(new double[][] {{1, 2}, {3, 4}}), "2 class indices", "got 1")
                .row("Loss.gradient", "a target past the last class", "targets[0]",
                        () -> Loss.crossEntropy(new int[] {2}).gradient(new double[][] {{1, 2}}), "[0, 1]", "got 2")
                .row("Loss.lastStepSquaredError", "a null target", "target", () -> Loss.lastStepSquaredError(null), "null")
                .row("Loss.valueAndGradient", "a target longer than the outputs", "target",
                        () -> Loss.lastStepSquaredError(new double[] {1, 2}).valueAndGradient(new double[][] {{1}}), "length 1", "length 2")
                .row("Softmax.crossEntropy", "a class past the last", "y", () -> Softmax.crossEntropy(new double[] {1, 2}, 2), "[0, 1]", "2")
                .row("Params.of", "null", "arrays", () -> Params.of(null), "map", "null")
                .row("Params.of", "no arrays", "arrays", () -> Params.of(Map.of()), "at least one", "none")
                .row("Params.of", "a ragged array", "W", () -> Params.of(Map.of("W", new double[][] {{1, 2}, {3}})), "2×2", "row 1 of length 1")
                .row("Params.taking", "a ragged array", "W", () -> Params.taking(Map.of("W", new double[][] {{1, 2}, {3}})), "2×2", "row 1 of length 1")
                .row("Params.taking", "no arrays", "arrays", () -> Params.taking(Map.of()), "at least one", "none")
                .row("Params.get", "an unknown name", "name", () -> named.get("Wz"), "[U, W, b, V, c]", "got Wz")
                .row("Params.with", "a value of another shape", "value", () -> named.with("W", new double[2][3]), "3×3", "2 rows")
                .row("Params.with", "a NaN entry", "value[0][1]", () -> named.with("b", new double[][] {{0, Double.NaN, 0}}), "finite", "NaN")
                .row("Params.map", "a function that returns its argument", "f", () -> named.map(a -> a), "new array", "U")
                .row("Params.map", "a function that changes the shape", "f(U)", () -> named.map(a -> new double[1][1]), "3×2", "1 rows")
                .row("Params.scaled", "a NaN factor", "s", () -> named.scaled(Double.NaN), "finite", "NaN")
                .row("RnnParams.of(Params)", "null", "params", () -> RnnParams.of(null), "U, W, b, V, c", "null")
                .row("RnnParams.of(Params)", "a set without W, b, V, c", "params",
                        () -> RnnParams.of(Params.of(Map.of("U", P.U()))), "[U, W, b, V, c]", "got [U]")
                .row("Gradients.of(Params, dh0)", "a b that is no vector", "b",
                        () -> Gradients.of(Params.of(new java.util.LinkedHashMap<>(Map.of("U", P.U(), "W", P.W(), "b", P.W(), "V", P.V(), "c", new double[][] {P.c()}))), new double[3]),
                        "1-row", "3 rows")
                .row("Forward.h", "a step past T", "t", () -> FWD.h(3), "[0, 2]", "3")
                .row("Forward.z", "step 0, which has no pre-activation", "t", () -> FWD.z(0), "[1, 2]", "0")
                .row("Forward.p", "a negative step", "t", () -> FWD.p(-1), "[1, 2]", "-1")
                .row("ReferenceBptt.crossEntropy", "a window of 0", "k", () -> ReferenceBptt.crossEntropy(P, Activations.TANH, XS, null, TARGETS, 0), ">= 1", "0")
                .row("ReferenceBptt.crossEntropy", "a target past the last class", "targets[1]",
                        () -> ReferenceBptt.crossEntropy(P, Activations.TANH, XS, null, new int[] {0, 4}), "[0, 3]", "4")
                .row("ReferenceBptt.lastStepSquaredError", "a target of the wrong length", "y",
                        () -> ReferenceBptt.lastStepSquaredError(P, Activations.TANH, XS, null, new double[2]), "length 4", "length 2")
                .row("GradientCheck.of", "a null loss", "loss", () -> GradientCheck.of(named, named, null), "function", "null")
                .row("GradientCheck.of", "gradients of another shape", "analytic",
                        () -> GradientCheck.of(named, tallerU(named), q -> 0), "3×2", "4 rows")
                .tests();
    }

    private static Params tallerU(Params p) {
        Map<String, double[][]> m = p.toMap();
        m.put("U", new double[4][2]);
        return Params.of(m);
    }

    private static double[][] withEntry(double[][] m, int i, int j, double value) {
        m[i][j] = value;
        return m;
    }
}
