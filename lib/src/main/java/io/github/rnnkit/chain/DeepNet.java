package io.github.rnnkit.chain;

import io.github.rnnkit.activation.Activation;
import io.github.rnnkit.util.Check;
import io.github.rnnkit.util.Matrices;

import java.util.Random;

/**
 * A fully connected feed-forward net, for the layer-by-layer view of vanishing gradients
 * (Nielsen, Neural Networks and Deep Learning, ch. 5):
 *
 * <pre>
 *   a^0 = x,   z^l = W^l a^{l-1} + b^l,   a^l = f(z^l),   C = ½ ‖a^L − y‖²
 *   δ^L = (a^L − y) ⊙ f'(z^L),   δ^l = (W^{l+1})ᵀ δ^{l+1} ⊙ f'(z^l),   ∂C/∂b^l = δ^l
 * </pre>
 *
 * The "speed" of layer l is ‖∂C/∂b^l‖ for the mean cost over a batch: how fast its biases move
 * under gradient descent. In a deep sigmoid net it falls towards the input.
 */
public final class DeepNet {

    private final Activation f;
    private final double[][][] w;
    private final double[][] b;

    private DeepNet(Activation f, double[][][] w, double[][] b) {
        this.f = f;
        this.w = w;
        this.b = b;
    }

    /** Layer sizes n_0 (inputs), n_1, …, n_L; weights and biases from N(0, 1) as in Nielsen's book. */
    public static DeepNet gaussian(Activation f, int[] sizes, long seed) {
        if (f == null) {
            throw new IllegalArgumentException("f: expected an Activation, got null");
        }
        if (sizes == null || sizes.length < 2) {
            throw new IllegalArgumentException("sizes: expected at least an input and an output size, got "
                    + (sizes == null ? "null" : sizes.length + " sizes"));
        }
        for (int l = 0; l < sizes.length; l++) {
            Check.atLeast("sizes[" + l + "]", sizes[l], 1);
        }
        Random rng = new Random(seed);
        double[][][] w = new double[sizes.length - 1][][];
        double[][] b = new double[sizes.length - 1][];
        for (int l = 1; l < sizes.length; l++) {
            w[l - 1] = new double[sizes[l]][sizes[l - 1]];
            b[l - 1] = new double[sizes[l]];
            for (int i = 0; i < sizes[l]; i++) {
                b[l - 1][i] = rng.nextGaussian();
                for (int j = 0; j < sizes[l - 1]; j++) {
                    w[l - 1][i][j] = rng.nextGaussian();
                }
            }
        }
        return new DeepNet(f, w, b);
    }

    /** L, the number of weight layers. */
    public int layers() {
        return w.length;
    }

    /** ‖∂C/∂b^l‖ for l = 1..L, for the mean cost over the batch (inputs[n], targets[n]). */
    public double[] layerSpeeds(double[][] inputs, double[][] targets) {
        int n = Check.rows("inputs", inputs);
        Check.matrix("inputs", inputs, n, w[0][0].length);
        Check.matrix("targets", targets, n, w[w.length - 1].length);
        double[][] sum = new double[w.length][];
        for (int l = 0; l < w.length; l++) {
            sum[l] = new double[b[l].length];
        }
        for (int s = 0; s < n; s++) {
            double[][] deltas = backprop(inputs[s], targets[s]);
            for (int l = 0; l < w.length; l++) {
                for (int i = 0; i < sum[l].length; i++) {
                    sum[l][i] += deltas[l][i] / n;
                }
            }
        }
        double[] speeds = new double[w.length];
        for (int l = 0; l < w.length; l++) {
            speeds[l] = Matrices.norm(sum[l]);
        }
        return speeds;
    }

    /** δ^l = ∂C/∂b^l for every layer, for one example. */
    private double[][] backprop(double[] x, double[] y) {
        double[][] zs = new double[w.length][];
        double[] a = x;
        for (int l = 0; l < w.length; l++) {
            zs[l] = Matrices.times(w[l], a);
            for (int i = 0; i < zs[l].length; i++) {
                zs[l][i] += b[l][i];
            }
            a = map(zs[l], false);
        }
        double[][] deltas = new double[w.length][];
        double[] delta = new double[a.length];
        double[] slope = map(zs[w.length - 1], true);
        for (int i = 0; i < a.length; i++) {
            delta[i] = (a[i] - y[i]) * slope[i];
        }
        deltas[w.length - 1] = delta;
        for (int l = w.length - 2; l >= 0; l--) {
            double[] back = Matrices.times(Matrices.transpose(w[l + 1]), deltas[l + 1]);
            double[] d = map(zs[l], true);
            for (int i = 0; i < back.length; i++) {
                back[i] *= d[i];
            }
            deltas[l] = back;
        }
        return deltas;
    }

    private double[] map(double[] z, boolean derivative) {
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = derivative ? f.derivative(z[i]) : f.apply(z[i]);
        }
        return out;
    }
}
