package io.github.rnnkit.clip;

/**
 * A clipped gradient and what clipping did to it: the norm before and after, the factor the
 * norm changed by (after/before; 1 when nothing changed) and whether anything changed at all.
 *
 * @param <G> the gradient's type: a matrix, {@link io.github.rnnkit.rnn.Gradients} or {@link io.github.rnnkit.core.Params}
 */
public record Clipped<G>(G clipped, double normBefore, double normAfter, double scale, boolean changed) {
}
