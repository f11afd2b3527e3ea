package io.github.rnnkit.rnn;

import io.github.rnnkit.activation.Activation;
import io.github.rnnkit.core.Evaluation;
import io.github.rnnkit.core.Example;
import io.github.rnnkit.core.Loss;
import io.github.rnnkit.core.Trainable;
import io.github.rnnkit.core.TrainingState;
import io.github.rnnkit.util.Check;

import java.util.Map;

/**
 * A vanilla recurrent network and backpropagation through time. Forward, for t = 1..T:
 *
 * <pre>
 *   z_t = U x_t + W h_{t-1} + b      h_t = f(z_t)
 *   o_t = V h_t + c                  p_t = softmax(o_t)        L = Σ_t −log p_t[y_t]
 * </pre>
 *
 * Backward (full BPTT, one pass from t = T down to 1, δ_t = ∂L/∂z_t):
 *
 * <pre>
 *   ∂L/∂o_t = p_t − onehot(y_t)                 ∂L/∂V += ∂L/∂o_t h_tᵀ,   ∂L/∂c += ∂L/∂o_t
 *   ∂L/∂h_t = Vᵀ ∂L/∂o_t + Wᵀ δ_{t+1}           δ_t = f'(z_t) ⊙ ∂L/∂h_t
 *   ∂L/∂U += δ_t x_tᵀ,  ∂L/∂W += δ_t h_{t-1}ᵀ,  ∂L/∂b += δ_t,             ∂L/∂h_0 = Wᵀ δ_1
 * </pre>
 *
 * Truncated BPTT with window k sends each loss term L_t back through at most k steps:
 * k = 1 keeps only step t's own terms, k ≥ T is full BPTT.
 *
 * <p>{@link ReferenceBptt} computes the same gradients one line per equation, in the style of
 * Karpathy's min-char-rnn: read it first. This class runs them on a faster arrangement of the same
 * arithmetic, and the tests check the two against each other for random shapes and every window.
 * Immutable: training works on a copy ({@link #startTraining()}).
 */
public final class Rnn implements Trainable<Rnn> {

    private final RnnParams params;
    private final FastBptt net;

    public Rnn(RnnParams params, Activation f) {
        this.params = Check.notNull("params", params, "RnnParams");
        Check.notNull("f", f, "an Activation");
        this.net = new FastBptt(params.U(), params.W(), params.b(), params.V(), params.c(), f);
    }

    public RnnParams params() {
        return params;
    }

    public Activation activation() {
        return net.f;
    }

    /** Runs the network over xs (xs[t] = x_{t+1}) from h0 (null: zeros). */
    public Forward forward(double[][] xs, double[] h0) {
        int steps = Check.rows("xs", xs);
        Check.matrix("xs", xs, steps, params.inputSize());
        double[] start = h0 == null ? new double[params.hiddenSize()] : h0.clone();
        Check.vector("h0", start, params.hiddenSize());
        return net.forward(Check.copy(xs), start);
    }

    /** Full BPTT of the summed cross-entropy loss. */
    public Gradients bptt(Forward fwd, int[] targets) {
        return bptt(fwd, Loss.crossEntropy(targets));
    }

    /** Truncated BPTT: each loss term L_t goes back through at most k steps (k ≥ 1). */
    public Gradients bptt(Forward fwd, int[] targets, int k) {
        Check.atLeast("k", k, 1);
        checkForward(fwd);
        double[][] dos = Loss.crossEntropy(targets).gradient(fwd.logitsView());
        return k >= fwd.length() ? net.backward(fwd, dos) : net.truncated(fwd, dos, k);
    }

    /** Full BPTT of L = ½‖o_T − y‖², a squared error on the last step's output only. */
    public Gradients bpttLastStep(Forward fwd, double[] target) {
        return bptt(fwd, Loss.lastStepSquaredError(target));
    }

    /** Full BPTT of the loss {@code e} asks for, from h0 (null: zeros). */
    public Gradients bptt(Example e, double[] h0) {
        Check.notNull("e", e, "an Example");
        return bptt(forward(e.xs(), h0), e.loss());
    }

    /** Full BPTT of any {@link Loss}. */
    public Gradients bptt(Forward fwd, Loss loss) {
        checkForward(fwd);
        Check.notNull("loss", loss, "a Loss");
        return net.backward(fwd, loss.gradient(fwd.logitsView()));
    }

    /** The loss {@code e} asks for from h0 (null: zeros), its gradients by full BPTT and the forward pass, with one softmax per step for both. */
    public Evaluation<Forward> evaluate(Example e, double[] h0) {
        Check.notNull("e", e, "an Example");
        return evaluated(net, forward(e.xs(), h0), e.loss());
    }

    /** The loss of a forward pass of {@code net}, its gradients by full BPTT and ‖∂L/∂h_t‖. */
    private static Evaluation<Forward> evaluated(FastBptt net, Forward fwd, Loss loss) {
        Loss.ValueAndGradient l = loss.valueAndGradient(fwd.logitsView());
        Gradients g = net.backward(fwd, l.gradient());
        return new Evaluation<>(l.value(), g.asParams(), g.hiddenGradNorms(), null, fwd);
    }

    @Override
    public double loss(Example e) {
        Check.notNull("e", e, "an Example");
        return e.loss().value(forward(e.xs(), null).logitsView());
    }

    @Override
    public TrainingState<Rnn> startTraining() {
        return new Training(this, new double[params.hiddenSize()]);
    }

    /** A training state whose every sequence starts from {@code h0} (checked by the caller), for {@link RnnFromState}. */
    TrainingState<Rnn> startTraining(double[] h0) {
        return new Training(this, h0.clone());
    }

    private void checkForward(Forward fwd) {
        if (fwd == null) {
            throw new IllegalArgumentException("fwd: expected the Forward of this network's forward pass, got null");
        }
        if (fwd.h0View().length != params.hiddenSize() || fwd.logitsView()[0].length != params.outputSize()
                || fwd.xsView()[0].length != params.inputSize()) {
            throw new IllegalArgumentException("fwd: expected a forward pass of a network with H=" + params.hiddenSize()
                    + ", D=" + params.inputSize() + ", K=" + params.outputSize() + ", got H=" + fwd.h0View().length
                    + ", D=" + fwd.xsView()[0].length + ", K=" + fwd.logitsView()[0].length);
        }
    }

    @Override
    public String toString() {
        return "Rnn[" + net.f.name() + ", H=" + params.hiddenSize() + ", D=" + params.inputSize() + ", K="
                + params.outputSize() + "]";
    }

    /** An RNN in training: its own copy of U, W, b, V, c, changed in place, with the transposes kept in step. */
    private static final class Training extends TrainingState<Rnn> {
        private final FastBptt net;
        private final Map<String, double[][]> weights;
        private final double[] h0;

        Training(Rnn start, double[] h0) {
            this.h0 = h0;
            RnnParams params = start.params;
            net = new FastBptt(params.U(), params.W(), params.b(), params.V(), params.c(), start.net.f);
            weights = RnnParams.byLetter(net.u, net.w, net.b, net.v, net.c);
        }

        @Override
        public Evaluation<Forward> evaluate(Example e) {
            Check.notNull("e", e, "an Example");
            double[][] xs = e.xs();
            Check.matrix("xs", xs, xs.length, net.inputs());
            return evaluated(net, net.forward(xs, h0), e.loss());
        }

        @Override
        public Rnn network() {
            return new Rnn(RnnParams.trained(RnnParams.named(net.u, net.w, net.b, net.v, net.c)), net.f);
        }

        @Override
        protected Map<String, double[][]> weights() {
            return weights;
        }

        @Override
        protected void changed() {
            net.refresh();
        }
    }
}
