package io.github.rnnkit.chain;

import io.github.rnnkit.activation.Activation;
import io.github.rnnkit.activation.Activations;
import io.github.rnnkit.util.Check;
import io.github.rnnkit.util.Matrices;

import java.util.Random;

/**
 * A fully connected feed-forward net, for the layer-by-layer view of vanishing gradients
 * (Nielsen, Neural Networks and Deep Learning, ch. 5). Layers j = 1..n, matrices w_j of size
 * n_j × n_{j−1}:
 *
 * <pre>
 *   a_0 = x,   z_j = w_j a_{j−1} + b_j,   a_j = f(z_j)
 *   quadratic cost       C = ½ ‖a_n − y‖²                                δ_n = (a_n − y) ⊙ f'(z_n)
 *   cross-entropy cost   C = −Σ_i [y_i ln a_n,i + (1 − y_i) ln(1 − a_n,i)]   δ_n = a_n − y   (sigmoid output)
 *   δ_j = (w_{j+1}ᵀ δ_{j+1}) ⊙ f'(z_j),   ∂C/∂b_j = δ_j
 * </pre>
 *
 * The "speed" of layer j is ‖∂C/∂b_j‖ for the mean cost over a batch: how fast its biases move
 * under gradient descent. Two initialisations, both with biases from N(0, 1): {@link #gaussian}
 * draws every weight from N(0, 1) (Nielsen's first network), {@link #scaledGaussian} from
 * N(0, 1/n_{j−1}) (his network2's default, the set-up of his speed figures).
 */
public final class DeepNet {

    /** The cost C of one example, which sets δ_n. */
    public enum Cost {
        /** C = ½‖a_n − y‖², δ_n = (a_n − y) ⊙ f'(z_n). */
        QUADRATIC,
        /** C = −Σ_i [y_i ln a_n,i + (1 − y_i) ln(1 − a_n,i)], δ_n = a_n − y: needs a sigmoid net. */
        CROSS_ENTROPY
    }

    private final Activation f;
    private final double[][][] w;
    private final double[][] b;

    private DeepNet(Activation f, double[][][] w, double[][] b) {
        this.f = f;
        this.w = w;
        this.b = b;
    }

    /** Layer sizes n_0 (inputs), n_1, …, n_n; weights and biases from N(0, 1). */
    public static DeepNet gaussian(Activation f, int[] sizes, long seed) {
        return random(f, sizes, seed, false);
    }

    /** Layer sizes n_0 (inputs), n_1, …, n_n; weights of layer j from N(0, 1/n_{j−1}), biases from N(0, 1). */
    public static DeepNet scaledGaussian(Activation f, int[] sizes, long seed) {
        return random(f, sizes, seed, true);
    }

    /** The net with weights w_j = weights[j−1] (n_j × n_{j−1}) and biases b_j = biases[j−1] (copied). */
    public static DeepNet of(Activation f, double[][][] weights, double[][] biases) {
        checkActivation(f);
        if (weights == null || weights.length == 0) {
            throw new IllegalArgumentException("weights: expected at least one layer's weights, got "
                    + (weights == null ? "null" : "none"));
        }
        if (biases == null || biases.length != weights.length) {
            throw new IllegalArgumentException("biases: expected " + weights.length + " bias vectors (one per layer), got "
                    + (biases == null ? "null" : biases.length));
        }
        double[][][] w = new double[weights.length][][];
        double[][] b = new double[weights.length][];
        int inputs = Check.cols("weights[0]", weights[0]);
        for (int j = 0; j < weights.length; j++) {
            int units = Check.rows("weights[" + j + "]", weights[j]);
            Check.matrix("weights[" + j + "]", weights[j], units, inputs);
            Check.vector("biases[" + j + "]", biases[j], units);
            w[j] = Check.copy(weights[j]);
            b[j] = biases[j].clone();
            inputs = units;
        }
        return new DeepNet(f, w, b);
    }

    private static DeepNet random(Activation f, int[] sizes, long seed, boolean scaled) {
        checkActivation(f);
        if (sizes == null || sizes.length < 2) {
            throw new IllegalArgumentException("sizes: expected at least an input and an output size, got "
                    + (sizes == null ? "null" : sizes.length + " sizes"));
        }
        for (int j = 0; j < sizes.length; j++) {
            Check.atLeast("sizes[" + j + "]", sizes[j], 1);
        }
        Random rng = new Random(seed);
        double[][][] w = new double[sizes.length - 1][][];
        double[][] b = new double[sizes.length - 1][];
        for (int j = 1; j < sizes.length; j++) {
            double std = scaled ? 1 / Math.sqrt(sizes[j - 1]) : 1;
            w[j - 1] = new double[sizes[j]][sizes[j - 1]];
            b[j - 1] = new double[sizes[j]];
            for (int i = 0; i < sizes[j]; i++) {
                b[j - 1][i] = rng.nextGaussian();
                for (int k = 0; k < sizes[j - 1]; k++) {
                    w[j - 1][i][k] = std * rng.nextGaussian();
                }
            }
        }
        return new DeepNet(f, w, b);
    }

    private static void checkActivation(Activation f) {
        if (f == null) {
            throw new IllegalArgumentException("f: expected an Activation, got null");
        }
    }

    /**
     * The same net with every weight multiplied by {@code factor}, the biases kept: weights from
     * N(0, v) become weights from N(0, factor² v), and each layer's backward gain √(n v) grows by |factor|.
     */
    public DeepNet withWeightsScaled(double factor) {
        Check.finite("factor", factor);
        double[][][] scaled = new double[w.length][][];
        double[][] kept = new double[b.length][];
        for (int j = 0; j < w.length; j++) {
            scaled[j] = Matrices.scale(factor, w[j]);
            kept[j] = b[j].clone();
        }
        return new DeepNet(f, scaled, kept);
    }

    /** n, the number of weight layers. */
    public int layers() {
        return w.length;
    }

    /** ‖∂C/∂b_j‖ for j = 1..n, for the mean quadratic cost over the batch (inputs[m], targets[m]). */
    public double[] layerSpeeds(double[][] inputs, double[][] targets) {
        return layerSpeeds(inputs, targets, Cost.QUADRATIC);
    }

    /** ‖∂C/∂b_j‖ for j = 1..n, for the mean of {@code cost} over the batch (inputs[m], targets[m]). */
    public double[] layerSpeeds(double[][] inputs, double[][] targets, Cost cost) {
        int m = checkBatch(inputs, targets, cost);
        double[][] sum = new double[w.length][];
        for (int j = 0; j < w.length; j++) {
            sum[j] = new double[b[j].length];
        }
        for (int s = 0; s < m; s++) {
            double[][] deltas = backprop(inputs[s], targets[s], cost);
            for (int j = 0; j < w.length; j++) {
                for (int i = 0; i < sum[j].length; i++) {
                    sum[j][i] += deltas[j][i] / m;
                }
            }
        }
        double[] speeds = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            speeds[j] = Matrices.norm(sum[j]);
        }
        return speeds;
    }

    /** The mean of {@code cost} over the batch (inputs[m], targets[m]). */
    public double cost(double[][] inputs, double[][] targets, Cost cost) {
        int m = checkBatch(inputs, targets, cost);
        double total = 0;
        for (int s = 0; s < m; s++) {
            double[][] zs = forward(inputs[s]);
            double[] a = f.applyAll(zs[w.length - 1]);
            for (int i = 0; i < a.length; i++) {
                double y = targets[s][i];
                total += cost == Cost.QUADRATIC
                        ? 0.5 * (a[i] - y) * (a[i] - y)
                        : -(y * Math.log(a[i]) + (1 - y) * Math.log(1 - a[i]));
            }
        }
        return total / m;
    }

    /** The mean of f'(z_j) over layer j's units and the batch's examples, for j = 1..n: how saturated each layer is. */
    public double[] meanDerivatives(double[][] inputs) {
        int m = Check.rows("inputs", inputs);
        Check.matrix("inputs", inputs, m, w[0][0].length);
        double[] mean = new double[w.length];
        for (double[] x : inputs) {
            double[][] zs = forward(x);
            for (int j = 0; j < w.length; j++) {
                double[] d = f.derivativeAll(zs[j]);
                for (double v : d) {
                    mean[j] += v / (m * d.length);
                }
            }
        }
        return mean;
    }

    private int checkBatch(double[][] inputs, double[][] targets, Cost cost) {
        int m = Check.rows("inputs", inputs);
        Check.matrix("inputs", inputs, m, w[0][0].length);
        Check.matrix("targets", targets, m, w[w.length - 1].length);
        if (cost == null) {
            throw new IllegalArgumentException("cost: expected QUADRATIC or CROSS_ENTROPY, got null");
        }
        if (cost == Cost.CROSS_ENTROPY && f != Activations.SIGMOID) {
            throw new IllegalArgumentException("cost: expected QUADRATIC for a " + f.name()
                    + " net (CROSS_ENTROPY's δ_n = a_n − y holds for sigmoid outputs only), got CROSS_ENTROPY");
        }
        return m;
    }

    /** z_1..z_n for one example. */
    private double[][] forward(double[] x) {
        double[][] zs = new double[w.length][];
        double[] a = x;
        for (int j = 0; j < w.length; j++) {
            zs[j] = Matrices.times(w[j], a);
            for (int i = 0; i < zs[j].length; i++) {
                zs[j][i] += b[j][i];
            }
            a = f.applyAll(zs[j]);
        }
        return zs;
    }

    /** δ_j = ∂C/∂b_j for every layer, for one example. */
    private double[][] backprop(double[] x, double[] y, Cost cost) {
        double[][] zs = forward(x);
        int last = w.length - 1;
        double[] a = f.applyAll(zs[last]);
        double[] slope = f.derivativeAll(zs[last]);
        double[][] deltas = new double[w.length][];
        deltas[last] = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            deltas[last][i] = cost == Cost.QUADRATIC ? (a[i] - y[i]) * slope[i] : a[i] - y[i];
        }
        for (int j = last - 1; j >= 0; j--) {
            double[] back = Matrices.times(Matrices.transpose(w[j + 1]), deltas[j + 1]);
            double[] d = f.derivativeAll(zs[j]);
            for (int i = 0; i < back.length; i++) {
                back[i] *= d[i];
            }
            deltas[j] = back;
        }
        return deltas;
    }
}
