package io.github.rnnkit.train;

import io.github.rnnkit.clip.Clipped;
import io.github.rnnkit.clip.Clipping;
import io.github.rnnkit.rnn.Params;
import io.github.rnnkit.util.Check;

/**
 * What a training step does to the gradients before the update, with θ the threshold: nothing,
 * clip every entry to [−θ, θ], clip each parameter's gradient to norm θ on its own, or clip all
 * of them together to global norm θ (the rules of {@link Clipping}). The same policies serve every
 * network the {@link Trainer} trains, since they act on the gradient by parameter name.
 */
public final class ClipPolicy {

    private enum Kind { NONE, VALUE, NORM, GLOBAL_NORM }

    private final Kind kind;
    private final double limit;

    private ClipPolicy(Kind kind, double limit) {
        this.kind = kind;
        this.limit = limit;
    }

    public static ClipPolicy none() {
        return new ClipPolicy(Kind.NONE, Double.POSITIVE_INFINITY);
    }

    /** Every entry clamped to [−limit, limit] (min-char-rnn uses 5; the sources suggest 15). */
    public static ClipPolicy value(double limit) {
        return new ClipPolicy(Kind.VALUE, Check.nonNegative("limit", limit));
    }

    /** Each parameter's gradient scaled to norm at most maxNorm, separately. */
    public static ClipPolicy norm(double maxNorm) {
        return new ClipPolicy(Kind.NORM, Check.nonNegative("maxNorm", maxNorm));
    }

    /** All parameter gradients scaled together to global norm at most maxNorm (d2l uses 1). */
    public static ClipPolicy globalNorm(double maxNorm) {
        return new ClipPolicy(Kind.GLOBAL_NORM, Check.nonNegative("maxNorm", maxNorm));
    }

    /** The gradients after this policy, with the global norms before and after. */
    public Clipped<Params> apply(Params g) {
        Check.notNull("g", g, "Params (a gradient by parameter name)");
        return switch (kind) {
            case NONE -> new Clipped<>(g, g.norm(), g.norm(), 1, false);
            case GLOBAL_NORM -> Clipping.byGlobalNormReport(g, limit);
            case VALUE -> perTensor(g, g.map(a -> Clipping.byValue(a, limit)));
            case NORM -> perTensor(g, g.map(a -> Clipping.byNorm(a, limit)));
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
        return kind == Kind.NONE ? "no clipping" : kind.name().toLowerCase().replace('_', ' ') + " " + limit;
    }
}
