package io.github.rnnkit.rnn;

import io.github.rnnkit.util.Check;

import java.util.Map;

/**
 * A vanilla RNN whose every sequence starts from one fixed state h_0 instead of zeros:
 *
 * <pre>
 *   z_1 = U x_1 + W h_0 + b,   then as {@link Rnn}
 * </pre>
 *
 * h_0 is part of the model, not a parameter: training changes U, W, b, V, c and leaves h_0 as it
 * is. The sigmoid twin of a tanh RNN needs it ({@link TanhAsSigmoid}: s_0 = ½·1 when h_0 = 0), as
 * does any experiment that starts a unit away from zero. Immutable.
 */
public final class RnnFromState implements Trainable<RnnFromState> {

    private final Rnn rnn;
    private final double[] h0;

    /** The network {@code rnn} started from {@code h0} (a vector of its hidden size, finite). */
    public RnnFromState(Rnn rnn, double[] h0) {
        this.rnn = Check.notNull("rnn", rnn, "an Rnn");
        Check.vector("h0", h0, rnn.params().hiddenSize());
        this.h0 = h0.clone();
    }

    /** The network, which on its own would start from zeros. */
    public Rnn rnn() {
        return rnn;
    }

    /** The initial state every sequence starts from (a copy). */
    public double[] h0() {
        return h0.clone();
    }

    /** Runs the network over xs from h_0. */
    public Forward forward(double[][] xs) {
        return rnn.forward(xs, h0);
    }

    @Override
    public double loss(Example e) {
        Check.notNull("e", e, "an Example");
        return e.loss().value(rnn.forward(e.xsView(), h0).logitsView());
    }

    @Override
    public TrainingState<RnnFromState> startTraining() {
        return new Training(rnn.startTraining(h0), h0);
    }

    @Override
    public String toString() {
        return rnn + " from a fixed h_0";
    }

    /** The Rnn's own training state, whose sequences start from h_0, handing back networks that keep h_0. */
    private static final class Training extends TrainingState<RnnFromState> {
        private final TrainingState<Rnn> inner;
        private final double[] h0;

        Training(TrainingState<Rnn> inner, double[] h0) {
            this.inner = inner;
            this.h0 = h0;
        }

        @Override
        public Evaluation evaluate(Example e) {
            return inner.evaluate(e);
        }

        @Override
        public RnnFromState network() {
            return new RnnFromState(inner.network(), h0);
        }

        @Override
        protected Map<String, double[][]> weights() {
            return inner.weights();
        }

        @Override
        protected void changed() {
            inner.changed();
        }
    }
}
