package io.github.rnnkit.gated;

import io.github.rnnkit.testing.BadInput;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.github.rnnkit.core.Params;

import java.util.stream.Stream;

class GatedBadInputTest {

    static final double[][] XS = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 1}};

    @TestFactory
    Stream<DynamicTest> everyPublicMethodRejectsBadInput() {
        Params lstmParams = Lstm.init(2, 3, 2, 1.0, 1);
        Params gruParams = Gru.init(2, 3, 2, 1);
        Lstm lstm = new Lstm(lstmParams);
        Gru gru = new Gru(gruParams);
        Trace lstmTrace = lstm.forward(XS);
        Trace gruTrace = gru.forward(XS);
        return BadInput.table()
                .row("Lstm.init", "zero hidden units", "hidden", () -> Lstm.init(0, 3, 2, 1.0, 1), ">= 1", "0")
                .row("Lstm.init", "zero inputs", "input", () -> Lstm.init(2, 0, 2, 1.0, 1), ">= 1", "0")
                .row("Lstm.init", "a negative number of outputs", "output", () -> Lstm.init(2, 3, -1, 1.0, 1), ">= 1", "-1")
                .row("Lstm.init", "a NaN forget bias", "forgetBias", () -> Lstm.init(2, 3, 2, Double.NaN, 1), "finite", "NaN")
                .row("Lstm.init", "an infinite forget bias", "forgetBias",
                        () -> Lstm.init(2, 3, 2, Double.POSITIVE_INFINITY, 1), "finite", "Infinity")
                .row("Gru.init", "zero hidden units", "hidden", () -> Gru.init(0, 3, 2, 1), ">= 1", "0")
                .row("Gru.init", "zero inputs", "input", () -> Gru.init(2, 0, 2, 1), ">= 1", "0")
                .row("Gru.init", "zero outputs", "output", () -> Gru.init(2, 3, 0, 1), ">= 1", "0")
                .row("new Lstm", "null parameters", "params", () -> new Lstm(null), "Lstm", "null")
                .row("new Lstm", "the parameters of a GRU", "params", () -> new Lstm(gruParams), "Lstm.init", "[Ui, Wi, bi", "Uu")
                .row("new Gru", "null parameters", "params", () -> new Gru(null), "Gru", "null")
                .row("new Gru", "the parameters of an LSTM", "params", () -> new Gru(lstmParams), "Gru.init", "Wf")
                .row("GateParams.gru", "the parameters of an LSTM", "params", () -> GateParams.gru(lstmParams), "Gru.init", "Wf")
                .row("GateParams.W", "a GRU letter asked of an LSTM", "gate", () -> lstm.gateParams().W("u"), "[i, f, q, g]", "u")
                .row("new Lstm", "a forget gate of the wrong shape", "Wf",
                        () -> new Lstm(replaced(lstmParams, "Wf", new double[2][3])), "2×2", "row 0 of length 3")
                .row("new Gru", "a NaN weight", "Wn[1][0]", () -> new Gru(replaced(gruParams, "Wn", new double[][] {{0, 0}, {Double.NaN, 0}})), "finite", "NaN")
                .row("Gru.init", "an infinite update bias", "updateBias", () -> Gru.init(2, 3, 2, Double.POSITIVE_INFINITY, 1), "finite", "Infinity")
                .row("GatedNetwork.evaluate", "a null example", "e", () -> lstm.evaluate(null), "Example", "null")
                .row("GatedNetwork.evaluate", "a null loss", "loss", () -> gru.evaluate(XS, null), "Loss", "null")
                .row("Trace.h", "a step past T", "t", () -> lstmTrace.h(5), "[0, 4]", "5")
                .row("Lstm.forward", "null inputs", "xs", () -> lstm.forward(null), "null")
                .row("Lstm.forward", "an empty sequence", "xs", () -> lstm.forward(new double[0][]), "at least one row", "0 rows")
                .row("Lstm.forward", "inputs of the wrong size", "xs",
                        () -> lstm.forward(new double[][] {{1, 2}, {3, 4}}), "2×3", "row 0 of length 2")
                .row("Lstm.forward", "a ragged sequence", "xs",
                        () -> lstm.forward(new double[][] {{1, 2, 3}, {4, 5}}), "2×3", "row 1 of length 2")
                .row("Lstm.forward", "a null step", "xs", () -> lstm.forward(new double[][] {{1, 2, 3}, null}), "row 1 null")
                .row("Lstm.forward", "a NaN entry", "xs[1][2]",
                        () -> lstm.forward(new double[][] {{1, 2, 3}, {4, 5, Double.NaN}}), "finite", "NaN")
                .row("Gru.forward", "null inputs", "xs", () -> gru.forward(null), "null")
                .row("Gru.forward", "an empty sequence", "xs", () -> gru.forward(new double[0][]), "0 rows")
                .row("Gru.forward", "inputs of the wrong size", "xs",
                        () -> gru.forward(new double[][] {{1, 2, 3, 4}}), "1×3", "row 0 of length 4")
                .row("Gru.forward", "an infinite entry", "xs[0][1]",
                        () -> gru.forward(new double[][] {{1, Double.NEGATIVE_INFINITY, 3}}), "finite", "-Infinity")
                .row("GatedNetwork.crossEntropy", "inputs of the wrong size", "xs",
                        () -> lstm.crossEntropy(new double[][] {{1, 2}}, new int[] {0}), "1×3", "length 2")
                .row("GatedNetwork.crossEntropy", "null targets", "targets", () -> gru.crossEntropy(XS, null), "class indices", "null")
                .row("GatedNetwork.crossEntropy", "fewer targets than steps", "targets",
                        () -> lstm.crossEntropy(XS, new int[] {0, 1, 0}), "4 class indices", "got 3")
                .row("GatedNetwork.crossEntropy", "a target past the last class", "targets[1]",
                        () -> lstm.crossEntropy(XS, new int[] {0, 2, 0, 1}), "[0, 1]", "got 2")
                .row("GatedNetwork.crossEntropy", "a negative target", "targets[3]",
                        () -> gru.crossEntropy(XS, new int[] {0, 1, 0, -1}), "[0, 1]", "got -1")
                .row("GatedNetwork.lastStepSquaredError", "a null sequence", "xs",
                        () -> gru.lastStepSquaredError(null, new double[] {1, 0}), "null")
                .row("GatedNetwork.lastStepSquaredError", "a null target", "target",
                        () -> lstm.lastStepSquaredError(XS, null), "vector", "null")
                .row("GatedNetwork.lastStepSquaredError", "a target of the wrong length", "target",
                        () -> gru.lastStepSquaredError(XS, new double[] {1, 0, 0}), "length 2", "length 3")
                .row("GatedNetwork.lastStepSquaredError", "a NaN target", "target[1]",
                        () -> lstm.lastStepSquaredError(XS, new double[] {1, Double.NaN}), "finite", "NaN")
                .row("Lstm.forgetProducts", "a null trace", "tr", () -> Lstm.forgetProducts(null), "LSTM", "null")
                .row("Lstm.forgetProducts", "the trace of a GRU", "tr", () -> Lstm.forgetProducts(gruTrace), "LSTM", "GRU")
                .row("Params.get", "an unknown name", "name", () -> lstmParams.get("Wz"), "Wf", "got Wz")
                .row("Params.get", "a null name", "name", () -> gruParams.get(null), "Wu", "got null")
                .row("Params.with", "an unknown name", "name", () -> lstmParams.with("W", new double[2][3]), "Ui", "got W")
                .row("Params.with", "a null value", "value", () -> lstmParams.with("Uf", null), "2×3", "null")
                .row("Params.with", "a value with too many rows", "value",
                        () -> lstmParams.with("Uf", new double[3][3]), "2×3", "3 rows")
                .row("Params.with", "a ragged value", "value",
                        () -> gruParams.with("bu", new double[][] {{1}}), "1×2", "row 0 of length 1")
                .row("Params.with", "a NaN entry", "value[0][1]",
                        () -> lstmParams.with("Uf", new double[][] {{0, Double.NaN, 0}, {0, 0, 0}}), "finite", "NaN")
                .row("Trace.gate", "a gate number, not a letter", "letter", () -> lstmTrace.gate("1"), "[i, f, q, g]", "1")
                .row("Trace.gate", "a GRU letter asked of an LSTM", "letter", () -> lstmTrace.gate("u"), "[i, f, q, g]", "u")
                .row("Trace.gate", "an LSTM letter asked of a GRU", "letter", () -> gruTrace.gate("g"), "[u, r, n]", "g")
                .tests();
    }

    /** The same set with one array replaced by anything, which Params.with would refuse. */
    static Params replaced(Params p, String name, double[][] value) {
        java.util.Map<String, double[][]> m = p.toMap();
        m.put(name, value);
        return Params.of(m);
    }
}
