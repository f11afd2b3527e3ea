package io.github.rnnkit.core;

/**
 * A network that {@code io.github.rnnkit.train.Trainer} can train: the vanilla {@link Rnn} and
 * the gated {@code Lstm} and {@code Gru}. Training never changes the network itself: it works on
 * the mutable copy {@link #startTraining()} hands out, and ends with a new network.
 *
 * @param <N> the network's own type, which training gives back
 */
public interface Trainable<N extends Trainable<N>> {

    /** A new training state holding a private copy of this network's parameters. */
    TrainingState<N> startTraining();

    /** The loss {@code e} asks for at this network's weights, from a zero initial state, without gradients. */
    double loss(Example e);
}
