package io.github.rnnkit.rnn;

import io.github.rnnkit.core.Example;
import io.github.rnnkit.core.Trainable;
import io.github.rnnkit.core.TrainingState;
import io.github.rnnkit.util.Check;

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
        return e.loss().value(rnn.forward(e.xs(), h0).logitsView());
    }

    @Override
    public TrainingState<RnnFromState> startTraining() {
        return rnn.startTraining(h0).map(trained -> new RnnFromState(trained, h0));
    }

    @Override
    public String toString() {
        return rnn + " from a fixed h_0";
    }
}
