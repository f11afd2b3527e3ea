package io.github.rnnkit.clip;

import io.github.rnnkit.activation.Activations;
import io.github.rnnkit.rnn.Gradients;
import io.github.rnnkit.rnn.Init;
import io.github.rnnkit.core.Params;
import io.github.rnnkit.rnn.Rnn;
import io.github.rnnkit.testing.BadInput;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.Map;
import java.util.stream.Stream;

class ClipBadInputTest {

    private static final double[][] G = {{3, 4}, {0, 12}};

    @TestFactory
    Stream<DynamicTest> everyClippingRuleRejectsBadInput() {
        Rnn rnn = new Rnn(Init.uniform(2, 2, 2, 1), Activations.TANH);
        double[][] xs = {{1, 0}};
        Gradients g = rnn.bptt(rnn.forward(xs, null), new int[] {1});
        Gradients blownUp = Gradients.of(new double[][] {{0, Double.NaN}, {0, 0}}, g.dW(), g.db(), g.dV(), g.dc(), g.dh0());
        return BadInput.table()
                .row("Clipping.byValue", "a negative limit", "theta", () -> Clipping.byValue(G, -1), ">= 0", "-1")
                .row("Clipping.byValue", "a NaN limit", "theta", () -> Clipping.byValue(G, Double.NaN), "NaN")
                .row("Clipping.byValue", "a null gradient", "g", () -> Clipping.byValue(null, 1), "null")
                .row("Clipping.byValue", "a gradient with no rows", "g", () -> Clipping.byValue(new double[0][], 1), "0 rows")
                .row("Clipping.byValue", "a gradient with a null row", "g[1]", () -> Clipping.byValue(new double[][] {{1}, null}, 1), "null")
                .row("Clipping.byValue", "a NaN entry, naming where it is", "g[1][0]", () -> Clipping.byValue(new double[][] {{1}, {Double.NaN}}, 1), "NaN", "learning rate")
                .row("Clipping.byNorm", "a negative limit", "theta", () -> Clipping.byNorm(G, -2), "-2")
                .row("Clipping.byNorm", "an infinite entry", "g[0][1]", () -> Clipping.byNorm(new double[][] {{1, Double.POSITIVE_INFINITY}}, 1), "Infinity")
                .row("Clipping.byValueReport", "an infinite limit", "theta", () -> Clipping.byValueReport(G, Double.POSITIVE_INFINITY), "finite")
                .row("Clipping.byNormReport", "a null gradient", "g", () -> Clipping.byNormReport(null, 1), "null")
                .row("Clipping.byGlobalNorm", "null gradients", "g", () -> Clipping.byGlobalNorm((Gradients) null, 1), "null")
                .row("Clipping.byGlobalNorm", "a negative limit", "theta", () -> Clipping.byGlobalNorm(g, -1), "-1")
                .row("Clipping.byGlobalNorm", "gradients holding NaN, naming the tensor and entry", "dU[0][1]", () -> Clipping.byGlobalNorm(blownUp, 1), "NaN")
                .row("Clipping.byGlobalNormReport", "a NaN limit", "theta", () -> Clipping.byGlobalNormReport(g, Double.NaN), "NaN")
                .row("Clipping.byGlobalNorm(Params)", "null", "g", () -> Clipping.byGlobalNorm((Params) null, 1), "Params", "null")
                .row("Clipping.byGlobalNorm(Params)", "an infinite entry, naming the array and entry", "W[1][0]",
                        () -> Clipping.byGlobalNorm(Params.of(Map.of("W", new double[][] {{1}, {Double.NEGATIVE_INFINITY}})), 1), "-Infinity")
                .row("Clipping.byGlobalNormReport(Params)", "a negative limit", "theta",
                        () -> Clipping.byGlobalNormReport(blownUp.asParams().map(a -> new double[a.length][a[0].length]), -3), "-3")
                .row("Clipping.globalNorm", "a null list of tensors", "tensors", () -> Clipping.globalNorm((double[][]) null), "null")
                .row("Clipping.globalNorm", "a null tensor", "tensors[1]", () -> Clipping.globalNorm(new double[] {1}, null), "null")
                .row("Clipping.tensorFlowGlobalNorm", "a negative limit", "theta", () -> Clipping.tensorFlowGlobalNorm(-1, new double[] {1}), "-1")
                .row("Clipping.tensorFlowGlobalNorm", "a null tensor", "tensors[0]", () -> Clipping.tensorFlowGlobalNorm(1, (double[]) null), "null")
                .row("Clipping.pyTorchGlobalNorm", "an infinite limit", "theta", () -> Clipping.pyTorchGlobalNorm(Double.POSITIVE_INFINITY, new double[] {1}), "finite")
                .tests();
    }
}
