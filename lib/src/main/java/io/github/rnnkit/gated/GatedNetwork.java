package io.github.rnnkit.gated;

import io.github.rnnkit.core.Evaluation;
import io.github.rnnkit.core.Example;
import io.github.rnnkit.core.Loss;
import io.github.rnnkit.core.Params;
import io.github.rnnkit.core.Trainable;
import io.github.rnnkit.core.TrainingState;
import io.github.rnnkit.util.Check;
import io.github.rnnkit.util.Matrices;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A recurrent network of gated cells with the RNN's linear output o_t = V h_t + c, trained with
 * either {@link Loss} of the kit:
 *
 * <pre>
 *   per step:   L = Σ_t −log softmax(o_t)[y_t]
 *   last step:  L = ½ ‖o_T − y‖²
 * </pre>
 *
 * Every gate g reads the input and the previous state with the RNN's letters,
 * U_g x_t + W_g h_{t−1} + b_g (U_g: H×D input weights, W_g: H×H recurrent weights), and its
 * parameters are named so: "Ug", "Wg", "bg", then "V" and "c". Subclasses give the cell's forward
 * pass and its backward pass from ∂L/∂o_t. Immutable: training works on a copy.
 *
 * @param <N> the network's own type
 */
public abstract sealed class GatedNetwork<N extends GatedNetwork<N>> implements Trainable<N> permits Lstm, Gru {

    private final Map<String, double[][]> arrays;
    private final List<String> gates;
    private final boolean memory;

    /**
     * A network over {@code arrays}, which it keeps (callers hand over arrays no one else holds),
     * with these gate letters and, for an LSTM, a memory cell.
     */
    GatedNetwork(Map<String, double[][]> arrays, List<String> gates, boolean memory) {
        this.arrays = arrays;
        this.gates = gates;
        this.memory = memory;
    }

    /** The same kind of network over other arrays (taken as they are). */
    abstract N over(Map<String, double[][]> arrays);

    /** Step t+1 (zero-based t) of the forward pass: reads h_t (and m_t) from the trace, records step t+1. */
    abstract void step(Trace tr, int t, double[] x);

    /**
     * Step t+1 of the backward pass, given ∂L/∂h_{t+1} (dh): adds the step's gradient terms to
     * {@code grads}, writes ∂L/∂m_{t+1} to dms[t] for an LSTM, and returns ∂L/∂h_t.
     */
    abstract double[] stepBack(Trace tr, int t, double[] dh, double[][] dms, Map<String, double[][]> grads);

    /** The forward pass over xs (xs[t] = x_{t+1}), from h_0 = 0 (and m_0 = 0), one {@link #step} per t. */
    public Trace forward(double[][] xs) {
        checkInputs(xs);
        Trace tr = new Trace(xs.length, hiddenSize(), memory, gates);
        for (int t = 0; t < xs.length; t++) {
            step(tr, t, xs[t]);
        }
        return tr;
    }

    /** Backpropagation through time from ∂L/∂o_t of every step. */
    final Evaluation<Trace> backward(Trace tr, double loss, double[][] dLogits) {
        Map<String, double[][]> grads = zeroGradients();
        double[][] dhs = new double[tr.length()][];
        double[][] dms = memory ? new double[tr.length()][] : null;
        double[] dhNext = new double[hiddenSize()];
        for (int t = tr.length() - 1; t >= 0; t--) {
            dhs[t] = addOutputGradients(grads, dLogits[t], tr.hView(t + 1));    // Vᵀ ∂L/∂o_t ...
            Matrices.addInto(dhs[t], dhNext);                                    // ... + from the step after = ∂L/∂h_t
            dhNext = stepBack(tr, t, dhs[t], dms, grads);
        }
        return new Evaluation<>(loss, Params.taking(grads), norms(dhs), memory ? norms(dms) : null, tr);
    }

    /** The parameters by name, copied. */
    public Params params() {
        return Params.of(arrays);
    }

    /** The parameters by letter: U_g, W_g, b_g for every gate, V and c. */
    public GateParams gateParams() {
        return GateParams.of(params(), gates, getClass().getSimpleName());
    }

    /** The loss of any {@link Loss} over xs, with its gradients. */
    public Evaluation<Trace> evaluate(double[][] xs, Loss loss) {
        Check.notNull("loss", loss, "a Loss");
        Trace tr = forward(xs);
        Loss.ValueAndGradient l = loss.valueAndGradient(tr.logitsView());
        return backward(tr, l.value(), l.gradient());
    }

    /** The loss an example asks for, with its gradients. */
    public Evaluation<Trace> evaluate(Example e) {
        Check.notNull("e", e, "an Example");
        return evaluate(e.xs(), e.loss());
    }

    /** The per-step cross-entropy and its gradients. */
    public Evaluation<Trace> crossEntropy(double[][] xs, int[] targets) {
        return evaluate(xs, Loss.crossEntropy(targets));
    }

    /** The last step's squared error and its gradients. */
    public Evaluation<Trace> lastStepSquaredError(double[][] xs, double[] target) {
        return evaluate(xs, Loss.lastStepSquaredError(target));
    }

    @Override
    public double loss(Example e) {
        Check.notNull("e", e, "an Example");
        return e.loss().value(forward(e.xs()).logitsView());
    }

    @Override
    public TrainingState<N> startTraining() {
        return new Training<>(this);
    }

    /** H, the number of hidden units. */
    public int hiddenSize() {
        return arrays.get("V")[0].length;
    }

    /** The array called {@code name} itself, for the subclasses' read-only use. */
    double[][] weight(String name) {
        return arrays.get(name);
    }

    /** U_g x + W_g h + b_g, gate g's pre-activation. */
    double[] preActivation(String gate, double[] x, double[] h) {
        double[] a = Matrices.times(arrays.get("U" + gate), x);
        Matrices.addInto(a, Matrices.times(arrays.get("W" + gate), h));
        Matrices.addInto(a, arrays.get("b" + gate)[0]);
        return a;
    }

    /** o_t = V h_t + c. */
    double[] logits(double[] h) {
        double[] o = Matrices.times(arrays.get("V"), h);
        Matrices.addInto(o, arrays.get("c")[0]);
        return o;
    }

    /** The gradient terms of gate g at one step, from da = ∂L/∂(U_g x + W_g h + b_g); returns W_gᵀ da, its share of ∂L/∂h_{t-1}. */
    double[] addGateGradients(Map<String, double[][]> g, String gate, double[] da, double[] x, double[] hPrev) {
        Matrices.addOuterInto(g.get("U" + gate), da, x);
        Matrices.addOuterInto(g.get("W" + gate), da, hPrev);
        Matrices.addInto(g.get("b" + gate)[0], da);
        return Matrices.transposeTimes(arrays.get("W" + gate), da);
    }

    /** The output layer's gradient terms at one step; returns Vᵀ ∂L/∂o_t. */
    private double[] addOutputGradients(Map<String, double[][]> g, double[] dLogits, double[] h) {
        Matrices.addOuterInto(g.get("V"), dLogits, h);
        Matrices.addInto(g.get("c")[0], dLogits);
        return Matrices.transposeTimes(arrays.get("V"), dLogits);
    }

    /** ‖v_t‖ for every step's vector. */
    private static double[] norms(double[][] vs) {
        double[] out = new double[vs.length];
        for (int t = 0; t < vs.length; t++) {
            out[t] = Matrices.norm(vs[t]);
        }
        return out;
    }

    /** Zero gradients, one for each parameter. */
    private Map<String, double[][]> zeroGradients() {
        Map<String, double[][]> out = new LinkedHashMap<>();
        arrays.forEach((name, m) -> out.put(name, new double[m.length][m[0].length]));
        return out;
    }

    private void checkInputs(double[][] xs) {
        Check.matrix("xs", xs, Check.rows("xs", xs), arrays.get("U" + gates.get(0))[0].length);
    }

    /**
     * U_g (H×D), W_g (H×H), b_g for every gate g, then V (K×H) and c: all from U(−1/√H, 1/√H), drawn
     * in that order, except the biases of {@code fixedGate}, set to {@code fixedBias} (null: none).
     */
    static Map<String, double[][]> init(List<String> gates, int hidden, int input, int output, long seed,
                                        String fixedGate, double fixedBias) {
        Check.atLeast("hidden", hidden, 1);
        Check.atLeast("input", input, 1);
        Check.atLeast("output", output, 1);
        Random rng = new Random(seed);
        double a = 1 / Math.sqrt(hidden);
        Map<String, double[][]> m = new LinkedHashMap<>();
        for (String gate : gates) {
            m.put("U" + gate, Matrices.uniform(rng, hidden, input, a));
            m.put("W" + gate, Matrices.uniform(rng, hidden, hidden, a));
            double[][] bias = Matrices.uniform(rng, 1, hidden, a);
            if (gate.equals(fixedGate)) {
                java.util.Arrays.fill(bias[0], fixedBias);
            }
            m.put("b" + gate, bias);
        }
        m.put("V", Matrices.uniform(rng, output, hidden, a));
        m.put("c", Matrices.uniform(rng, 1, output, a));
        return m;
    }

    /**
     * The arrays of {@code params}, copied, after checking they are exactly a gated network's:
     * U_g, W_g, b_g for every gate and V, c, of consistent shapes ({@link GateParams}) and finite.
     */
    static Map<String, double[][]> checked(Params params, List<String> gates, String network) {
        Map<String, double[][]> m = GateParams.of(params, gates, network).asParams().toMap();
        m.forEach((name, a) -> Check.matrix(name, a, a.length, a[0].length));
        return m;
    }

    /** A gated network in training: its own copy of the arrays, which the gradient steps change in place. */
    private static final class Training<N extends GatedNetwork<N>> extends TrainingState<N> {
        private final Map<String, double[][]> weights;
        private final N working;

        Training(GatedNetwork<N> start) {
            weights = start.params().toMap();
            working = start.over(weights);
        }

        @Override
        public Evaluation<Trace> evaluate(Example e) {
            return working.evaluate(e);
        }

        @Override
        public N network() {
            return working.over(Params.of(weights).toMap());
        }

        @Override
        protected Map<String, double[][]> weights() {
            return weights;
        }
    }
}
