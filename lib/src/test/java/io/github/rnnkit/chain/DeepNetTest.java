package io.github.rnnkit.chain;

import io.github.rnnkit.activation.Activation;
import io.github.rnnkit.activation.Activations;
import io.github.rnnkit.chain.DeepNet.Cost;
import io.github.rnnkit.testing.BadInput;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeepNetTest {

    static double[][] uniform(int n, int d, long seed) {
        Random r = new Random(seed);
        double[][] m = new double[n][d];
        for (double[] row : m) {
            for (int j = 0; j < d; j++) {
                row[j] = r.nextDouble();
            }
        }
        return m;
    }

    /** Weights for sizes[0] → sizes[1] → …, entries from N(0, 1) of the test's own generator. */
    static double[][][] weights(int[] sizes, Random r) {
        double[][][] w = new double[sizes.length - 1][][];
        for (int j = 1; j < sizes.length; j++) {
            w[j - 1] = new double[sizes[j]][sizes[j - 1]];
            for (double[] row : w[j - 1]) {
                for (int k = 0; k < row.length; k++) {
                    row[k] = r.nextGaussian();
                }
            }
        }
        return w;
    }

    static double[][] biases(int[] sizes, Random r) {
        double[][] b = new double[sizes.length - 1][];
        for (int j = 1; j < sizes.length; j++) {
            b[j - 1] = r.doubles(sizes[j]).map(v -> v - 0.5).toArray();
        }
        return b;
    }

    /** The mean cost written out with Math.exp, independently of DeepNet's own forward pass. */
    static double meanCost(double[][][] w, double[][] b, double[][] xs, double[][] ys, Cost cost) {
        double total = 0;
        for (int m = 0; m < xs.length; m++) {
            double[] a = xs[m];
            for (int j = 0; j < w.length; j++) {
                double[] next = new double[w[j].length];
                for (int i = 0; i < next.length; i++) {
                    double z = b[j][i];
                    for (int k = 0; k < a.length; k++) {
                        z += w[j][i][k] * a[k];
                    }
                    next[i] = 1 / (1 + Math.exp(-z));
                }
                a = next;
            }
            for (int i = 0; i < a.length; i++) {
                double y = ys[m][i];
                total += cost == Cost.QUADRATIC ? 0.5 * (a[i] - y) * (a[i] - y)
                        : -(y * Math.log(a[i]) + (1 - y) * Math.log(1 - a[i]));
            }
        }
        return total / xs.length;
    }

    @Test
    void aOneLayerNetsSpeedIsItsBiasGradientByHand() {
        DeepNet net = DeepNet.gaussian(Activations.IDENTITY, new int[] {1, 1}, 3);
        double[][] x = {{0}};
        double[][] y = {{0}};
        double[] speed = net.layerSpeeds(x, y);
        double b = new Random(3).nextGaussian();
        assertEquals(Math.abs(b), speed[0], 1e-12);
    }

    @Test
    void everyLayersSpeedIsTheNormOfTheFiniteDifferenceBiasGradientForBothCosts() {
        int[] sizes = {5, 4, 3, 2};
        Random r = new Random(11);
        double[][][] w = weights(sizes, r);
        double[][] b = biases(sizes, r);
        double[][] xs = uniform(6, 5, 12);
        double[][] ys = uniform(6, 2, 13);
        for (Cost cost : Cost.values()) {
            double[] speeds = DeepNet.of(Activations.SIGMOID, w, b).layerSpeeds(xs, ys, cost);
            double eps = 1e-6;
            for (int j = 0; j < w.length; j++) {
                double sumOfSquares = 0;
                for (int i = 0; i < b[j].length; i++) {
                    double keep = b[j][i];
                    b[j][i] = keep + eps;
                    double plus = meanCost(w, b, xs, ys, cost);
                    b[j][i] = keep - eps;
                    double minus = meanCost(w, b, xs, ys, cost);
                    b[j][i] = keep;
                    double g = (plus - minus) / (2 * eps);
                    sumOfSquares += g * g;
                }
                double expected = Math.sqrt(sumOfSquares);
                assertEquals(expected, speeds[j], 1e-7 * expected, cost + " layer " + (j + 1));
            }
        }
    }

    @Test
    void theMeanCostIsTheCostWrittenOutByHand() {
        int[] sizes = {3, 4, 2};
        Random r = new Random(5);
        double[][][] w = weights(sizes, r);
        double[][] b = biases(sizes, r);
        double[][] xs = uniform(4, 3, 6);
        double[][] ys = {{1, 0}, {0, 1}, {1, 0}, {0.5, 0.5}};
        DeepNet net = DeepNet.of(Activations.SIGMOID, w, b);
        for (Cost cost : Cost.values()) {
            assertEquals(meanCost(w, b, xs, ys, cost), net.cost(xs, ys, cost), 1e-14, cost.name());
        }
    }

    @Test
    void meanDerivativesAverageTheSlopeOverUnitsAndExamples() {
        double[][][] w = {{{1, -2}, {0.5, 0}}};
        double[][] b = {{0, 1}};
        double[][] xs = {{1, 0}, {0, 1}};
        // z = (1, 1.5) for the first example and (−2, 1) for the second
        double expected = (sigmoidSlope(1) + sigmoidSlope(1.5) + sigmoidSlope(-2) + sigmoidSlope(1)) / 4;
        assertEquals(expected, DeepNet.of(Activations.SIGMOID, w, b).meanDerivatives(xs)[0], 1e-15);
    }

    static double sigmoidSlope(double z) {
        double s = 1 / (1 + Math.exp(-z));
        return s * (1 - s);
    }

    /** An activation whose "derivative" is z², so meanDerivatives measures the mean square of z. */
    static final Activation SQUARE_PROBE = new Activation() {
        public double apply(double z) {
            return z;
        }

        public double derivative(double z) {
            return z * z;
        }

        public String name() {
            return "square-probe";
        }

        public double maxDerivative() {
            return Double.POSITIVE_INFINITY;
        }
    };

    @Test
    void scaledWeightsGiveEachUnitAPreActivationOfVarianceOneOverFanInTimesTheInputPlusTheBias() {
        int fanIn = 400;
        double[][] ones = new double[1][fanIn];
        java.util.Arrays.fill(ones[0], 1.0);
        // z_i = Σ_k w_ik + b_i: variance n_0·var(w) + 1, so 2 when var(w) = 1/n_0 and 401 when var(w) = 1
        double scaled = DeepNet.scaledGaussian(SQUARE_PROBE, new int[] {fanIn, 500}, 7).meanDerivatives(ones)[0];
        double plain = DeepNet.gaussian(SQUARE_PROBE, new int[] {fanIn, 500}, 7).meanDerivatives(ones)[0];
        assertEquals(2, scaled, 0.3);
        assertEquals(fanIn + 1, plain, 0.15 * (fanIn + 1));
    }

    @Test
    void inADeepSigmoidNetTheFirstHiddenLayerLearnsFarSlowerThanTheLast() {
        DeepNet net = DeepNet.gaussian(Activations.SIGMOID, new int[] {784, 30, 30, 30, 10}, 1);
        double[] speeds = net.layerSpeeds(uniform(200, 784, 2), uniform(200, 10, 3));
        assertTrue(speeds[0] * 5 < speeds[2], "first " + speeds[0] + ", third " + speeds[2]);
    }

    @TestFactory
    Stream<DynamicTest> badInputIsRejectedByName() {
        DeepNet tanhNet = DeepNet.gaussian(Activations.TANH, new int[] {2, 2}, 1);
        DeepNet sigmoidNet = DeepNet.gaussian(Activations.SIGMOID, new int[] {2, 2}, 1);
        double[][] xs = {{1, 0}};
        double[][] ys = {{0, 1}};
        return BadInput.table()
                .row("DeepNet.layerSpeeds", "a null cost", "cost", () -> sigmoidNet.layerSpeeds(xs, ys, null), "null")
                .row("DeepNet.layerSpeeds", "cross-entropy on a tanh net", "cost",
                        () -> tanhNet.layerSpeeds(xs, ys, Cost.CROSS_ENTROPY), "QUADRATIC", "sigmoid", "CROSS_ENTROPY")
                .row("DeepNet.cost", "targets of the wrong size", "targets",
                        () -> sigmoidNet.cost(xs, new double[][] {{0, 1, 0}}, Cost.QUADRATIC), "1×2", "length 3")
                .row("DeepNet.meanDerivatives", "inputs of the wrong size", "inputs",
                        () -> sigmoidNet.meanDerivatives(new double[][] {{1, 0, 0}}), "1×2", "length 3")
                .row("DeepNet.scaledGaussian", "an empty layer", "sizes[1]",
                        () -> DeepNet.scaledGaussian(Activations.SIGMOID, new int[] {3, 0, 2}, 1), ">= 1", "0")
                .row("DeepNet.of", "a null activation", "f",
                        () -> DeepNet.of(null, new double[][][] {{{1}}}, new double[][] {{0}}), "Activation", "null")
                .row("DeepNet.of", "no layers", "weights",
                        () -> DeepNet.of(Activations.SIGMOID, new double[0][][], new double[0][]), "at least one", "none")
                .row("DeepNet.of", "fewer bias vectors than layers", "biases",
                        () -> DeepNet.of(Activations.SIGMOID, new double[][][] {{{1}}, {{1}}}, new double[][] {{0}}),
                        "2 bias vectors", "1")
                .row("DeepNet.of", "a layer that does not fit the one before", "weights[1]",
                        () -> DeepNet.of(Activations.SIGMOID, new double[][][] {{{1, 2}}, {{1, 2}}},
                                new double[][] {{0}, {0}}), "1×1", "length 2")
                .row("DeepNet.of", "a bias of the wrong length", "biases[0]",
                        () -> DeepNet.of(Activations.SIGMOID, new double[][][] {{{1}, {2}}}, new double[][] {{0}}),
                        "2", "1")
                .tests();
    }
}
