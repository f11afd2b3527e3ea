package io.github.rnnkit.rnn;

import io.github.rnnkit.clip.Clipped;
import io.github.rnnkit.clip.Clipping;
import io.github.rnnkit.util.Check;

/**
 * What a training step does to the gradients before the update: nothing, clip every entry to
 * [−v, v], clip each parameter's gradient to norm m on its own, or clip all of them together to
 * global norm m (see {@link Clipping}).
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

    /** The gradients after this policy, with the norms before and after. */
    public Clipped<Gradients> apply(Gradients g) {
        Check.notNull("g", g, "Gradients");
        return switch (kind) {
            case NONE -> new Clipped<>(g, g.norm(), g.norm(), 1, false);
            case GLOBAL_NORM -> Clipping.byGlobalNormReport(g, limit);
            case VALUE, NORM -> perTensor(g);
        };
    }

    /** Each parameter's gradient clipped on its own; "changed" when any entry or any norm changed. */
    private Clipped<Gradients> perTensor(Gradients g) {
        double[][][] arrays = g.arraysView().clone();
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = kind == Kind.VALUE ? Clipping.byValue(arrays[i], limit) : Clipping.byNorm(arrays[i], limit);
        }
        Gradients out = new Gradients(arrays[0], arrays[1], arrays[2][0], arrays[3], arrays[4][0], g.dh0View(), null);
        double before = g.norm();
        double after = out.norm();
        return new Clipped<>(out, before, after, before == 0 ? 1 : after / before, after != before);
    }

    @Override
    public String toString() {
        return kind == Kind.NONE ? "no clipping" : kind.name().toLowerCase().replace('_', ' ') + " " + limit;
    }
}
