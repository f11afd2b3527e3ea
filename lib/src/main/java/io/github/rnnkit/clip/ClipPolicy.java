package io.github.rnnkit.clip;

import io.github.rnnkit.core.Params;
import io.github.rnnkit.util.Check;

/**
 * What a training step does to the gradients before the update, with θ the threshold: nothing,
 * clip every entry to [−θ, θ], clip each parameter's gradient to norm θ on its own, or clip all
 * of them together to global norm θ (the rules of {@link Clipping}). The same policies serve every
 * network the {@code train.Trainer} trains, since they act on the gradient by parameter name.
 */
public final class ClipPolicy {

    private enum Kind { NONE, VALUE, NORM, GLOBAL_NORM }

    private final Kind kind;
    private final double theta;

    private ClipPolicy(Kind kind, double theta) {
        this.kind = kind;
        this.theta = theta;
    }

    public static ClipPolicy none() {
        return new ClipPolicy(Kind.NONE, Double.POSITIVE_INFINITY);
    }

    /** Every entry clamped to [−θ, θ] (min-char-rnn uses 5; the sources suggest 15). */
    public static ClipPolicy value(double theta) {
        return new ClipPolicy(Kind.VALUE, Check.nonNegative("theta", theta));
    }

    /** Each parameter's gradient scaled to norm at most θ, separately. */
    public static ClipPolicy norm(double theta) {
        return new ClipPolicy(Kind.NORM, Check.nonNegative("theta", theta));
    }

    /** All parameter gradients scaled together to global norm at most θ (d2l uses 1). */
    public static ClipPolicy globalNorm(double theta) {
        return new ClipPolicy(Kind.GLOBAL_NORM, Check.nonNegative("theta", theta));
    }

    /** The gradients after this policy, with the global norms before and after. */
    public Clipped<Params> apply(Params g) {
        Check.notNull("g", g, "Params (a gradient by parameter name)");
        return switch (kind) {
            case NONE -> new Clipped<>(g, g.norm(), g.norm(), 1, false);
            case GLOBAL_NORM -> Clipping.byGlobalNormReport(g, theta);
            case VALUE -> perTensor(g, g.map(a -> Clipping.byValue(a, theta)));
            case NORM -> perTensor(g, g.map(a -> Clipping.byNorm(a, theta)));
        };
    }

    /** Each parameter's gradient clipped on its own; "changed" when the global norm changed. */
    private static Clipped<Params> perTensor(Params before, Params after) {
        double normBefore = before.norm();
        double normAfter = after.norm();
        return new Clipped<>(after, normBefore, normAfter, normBefore == 0 ? 1 : normAfter / normBefore, normAfter != normBefore);
    }

    @Override
    public String toString() {
        return kind == Kind.NONE ? "no clipping" : kind.name().toLowerCase().replace('_', ' ') + " " + theta;
    }
}
