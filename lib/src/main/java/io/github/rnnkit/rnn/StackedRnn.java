package io.github.rnnkit.rnn;

import io.github.rnnkit.activation.Activations;
import io.github.rnnkit.util.Check;

import java.util.ArrayList;
import java.util.List;

/**
 * Deep and bidirectional tanh RNNs, built from readers, each a U (H×in), W (H×H) and b (H):
 *
 * <pre>
 *   layer 1 reads x_t; every layer above reads the states of the layer below
 *   bidirectional: a second reader per layer runs over the reversed sequence; the layer's state at t is
 *                  the pair [h→_t; h←_t] of 2H numbers, which the next layer (or the output) reads
 *   parameters:    H·in + H·H + H per reader, then K·(width of the top) + K for the output V, c
 *   stored states: T·H per reader (what backpropagation must keep)
 * </pre>
 *
 * PyTorch's torch.nn.RNN keeps two bias vectors per reader, bias_ih and bias_hh, of which only the
 * sum acts: {@link #pyTorchRecurrentArrays()} lists the readers that way, H more numbers each.
 * Immutable; the arrays it lists are copies.
 */
public final class StackedRnn {

    private final int layers;
    private final boolean bidirectional;
    private final List<RnnParams> readers;      // layer by layer, forward reader before backward
    private final RnnParams output;

    private StackedRnn(int layers, boolean bidirectional, List<RnnParams> readers, RnnParams output) {
        this.layers = layers;
        this.bidirectional = bidirectional;
        this.readers = readers;
        this.output = output;
    }

    /** {@code layers} layers of {@code hidden} units per direction, every array from U(−1/√H, 1/√H), seeded. */
    public static StackedRnn of(int layers, boolean bidirectional, int inputs, int hidden, int outputs, long seed) {
        Check.atLeast("layers", layers, 1);
        Check.atLeast("inputs", inputs, 1);
        Check.atLeast("hidden", hidden, 1);
        Check.atLeast("outputs", outputs, 1);
        int directions = bidirectional ? 2 : 1;
        List<RnnParams> readers = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            int in = l == 0 ? inputs : directions * hidden;
            for (int d = 0; d < directions; d++) {
                readers.add(Init.uniform(hidden, in, 1, seed * 1000 + 10L * l + d));
            }
        }
        RnnParams out = Init.uniform(directions * hidden, 1, outputs, seed * 1000 + 999);
        return new StackedRnn(layers, bidirectional, readers, out);
    }

    /** Every parameter array: each reader's U, W and b (b as a 1×H row), then V and c (1×K). */
    public List<double[][]> parameterArrays() {
        List<double[][]> out = new ArrayList<>();
        for (RnnParams r : readers) {
            out.add(r.U());
            out.add(r.W());
            out.add(new double[][] {r.b()});
        }
        out.add(output.V());
        out.add(new double[][] {output.c()});
        return out;
    }

    /** The readers as torch.nn.RNN stores them: weight_ih = U, weight_hh = W, bias_ih = b, bias_hh = 0 (the same sum). */
    public List<double[][]> pyTorchRecurrentArrays() {
        List<double[][]> out = new ArrayList<>();
        for (RnnParams r : readers) {
            out.add(r.U());
            out.add(r.W());
            out.add(new double[][] {r.b()});
            out.add(new double[1][r.hiddenSize()]);
        }
        return out;
    }

    /** The states a forward pass over xs stores, one T×H array per reader, each in the order its reader ran. */
    public List<double[][]> states(double[][] xs) {
        Check.rows("xs", xs);
        List<double[][]> stored = new ArrayList<>();
        double[][] input = xs;
        int directions = bidirectional ? 2 : 1;
        for (int l = 0; l < layers; l++) {
            double[][] ahead = run(readers.get(directions * l), input);
            stored.add(ahead);
            double[][] next = ahead;
            if (bidirectional) {
                double[][] behind = run(readers.get(2 * l + 1), reversed(input));
                stored.add(behind);
                next = pairs(ahead, behind);
            }
            input = next;
        }
        return stored;
    }

    /** The number of entries of some arrays. */
    public static long entries(List<double[][]> arrays) {
        Check.notNull("arrays", arrays, "a list of arrays");
        long n = 0;
        for (double[][] a : arrays) {
            for (double[] row : a) {
                n += row.length;
            }
        }
        return n;
    }

    /** The states h_1..h_T of one tanh reader (an Rnn needs an output layer: a zero 1×H one, never counted). */
    private static double[][] run(RnnParams r, double[][] xs) {
        RnnParams params = RnnParams.of(r.U(), r.W(), r.b(), new double[1][r.hiddenSize()], new double[1]);
        return new Rnn(params, Activations.TANH).forward(xs, null).hs();
    }

    private static double[][] reversed(double[][] xs) {
        double[][] out = new double[xs.length][];
        for (int t = 0; t < xs.length; t++) {
            out[t] = xs[xs.length - 1 - t];
        }
        return out;
    }

    /** [h→_t; h←_t] for every t: the backward reader's states read in forward order. */
    private static double[][] pairs(double[][] ahead, double[][] behindReversed) {
        double[][] out = new double[ahead.length][];
        for (int t = 0; t < ahead.length; t++) {
            double[] back = behindReversed[ahead.length - 1 - t];
            out[t] = new double[ahead[t].length + back.length];
            System.arraycopy(ahead[t], 0, out[t], 0, ahead[t].length);
            System.arraycopy(back, 0, out[t], ahead[t].length, back.length);
        }
        return out;
    }
}
