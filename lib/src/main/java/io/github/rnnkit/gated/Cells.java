package io.github.rnnkit.gated;

import io.github.rnnkit.activation.Activations;
import io.github.rnnkit.rnn.Softmax;
import io.github.rnnkit.util.Check;
import io.github.rnnkit.util.Matrices;

import java.util.Map;
import java.util.Random;

/** Vector arithmetic and initialisation shared by the gated cells. */
final class Cells {

    private Cells() {
    }

    /**
     * W_g (H×D), U_g (H×H), b_g for every gate g, then V (K×H) and c: all from U(−1/√H, 1/√H), except
     * the biases of {@code fixedGate}, set to {@code fixedBias} (null: none).
     */
    static Params init(String[] gates, int hidden, int input, int output, long seed, String fixedGate, double fixedBias) {
        Check.atLeast("hidden", hidden, 1);
        Check.atLeast("input", input, 1);
        Check.atLeast("output", output, 1);
        Random rng = new Random(seed);
        double a = 1 / Math.sqrt(hidden);
        Map<String, double[][]> m = new java.util.LinkedHashMap<>();
        for (String gate : gates) {
            m.put("W" + gate, uniform(rng, hidden, input, a));
            m.put("U" + gate, uniform(rng, hidden, hidden, a));
            double[][] bias = uniform(rng, 1, hidden, a);
            if (gate.equals(fixedGate)) {
                java.util.Arrays.fill(bias[0], fixedBias);
            }
            m.put("b" + gate, bias);
        }
        m.put("V", uniform(rng, output, hidden, a));
        m.put("c", uniform(rng, 1, output, a));
        return new Params(m);
    }

    static double[][] uniform(Random rng, int rows, int cols, double a) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = (2 * rng.nextDouble() - 1) * a;
            }
        }
        return m;
    }

    /** W x + U h + b (U and h may be null). */
    static double[] affine(double[][] w, double[] x, double[][] u, double[] h, double[][] bias) {
        double[] out = Matrices.times(w, x);
        if (u != null) {
            double[] uh = Matrices.times(u, h);
            for (int i = 0; i < out.length; i++) {
                out[i] += uh[i];
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] += bias[0][i];
        }
        return out;
    }

    static double[] sigmoid(double[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = Activations.SIGMOID.apply(a[i]);
        }
        return out;
    }

    static double[] tanh(double[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.tanh(a[i]);
        }
        return out;
    }

    /** acc += x yᵀ. */
    static void addOuter(double[][] acc, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) {
                acc[i][j] += x[i] * y[j];
            }
        }
    }

    static void addInto(double[] acc, double[] x) {
        for (int i = 0; i < acc.length; i++) {
            acc[i] += x[i];
        }
    }

    /** Aᵀ g. */
    static double[] transposeTimes(double[][] a, double[] g) {
        return Matrices.times(Matrices.transpose(a), g);
    }

    /** Zero matrices shaped like every array of {@code p}. */
    static Map<String, double[][]> zerosLike(Params p) {
        Map<String, double[][]> out = new java.util.LinkedHashMap<>();
        for (String name : p.names()) {
            double[][] m = p.view(name);
            out.put(name, new double[m.length][m[0].length]);
        }
        return out;
    }

    /** ∂L/∂o_t for L = Σ_t −log softmax(o_t)[y_t]. */
    static double[][] crossEntropyGradients(double[][] outputs, int[] targets) {
        if (targets == null || targets.length != outputs.length) {
            throw new IllegalArgumentException("targets: expected " + outputs.length + " class indices, got "
                    + (targets == null ? "null" : targets.length));
        }
        double[][] d = new double[outputs.length][];
        for (int t = 0; t < outputs.length; t++) {
            if (targets[t] < 0 || targets[t] >= outputs[t].length) {
                throw new IllegalArgumentException("targets[" + t + "]: expected a class index in [0, "
                        + (outputs[t].length - 1) + "], got " + targets[t]);
            }
            d[t] = Softmax.of(outputs[t]);
            d[t][targets[t]] -= 1;
        }
        return d;
    }

    static double crossEntropy(double[][] outputs, int[] targets) {
        crossEntropyGradients(outputs, targets);
        double loss = 0;
        for (int t = 0; t < outputs.length; t++) {
            loss += Softmax.logSumExp(outputs[t]) - outputs[t][targets[t]];
        }
        return loss;
    }

    /** ∂L/∂o_t for L = ½‖o_T − y‖²: zero except at the last step. */
    static double[][] lastStepGradients(double[][] outputs, double[] target) {
        Check.vector("target", target, outputs[0].length);
        double[][] d = new double[outputs.length][outputs[0].length];
        int last = outputs.length - 1;
        for (int k = 0; k < target.length; k++) {
            d[last][k] = outputs[last][k] - target[k];
        }
        return d;
    }

    static double lastStepSquaredError(double[][] outputs, double[] target) {
        double[][] d = lastStepGradients(outputs, target);
        double sum = 0;
        for (double v : d[outputs.length - 1]) {
            sum += v * v;
        }
        return sum / 2;
    }

    static void checkInputs(double[][] xs, int d) {
        int steps = Check.rows("xs", xs);
        Check.matrix("xs", xs, steps, d);
    }
}
