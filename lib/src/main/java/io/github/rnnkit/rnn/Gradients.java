package io.github.rnnkit.rnn;

import io.github.rnnkit.core.Params;
import io.github.rnnkit.util.Check;
import io.github.rnnkit.util.Matrices;

/**
 * The gradients of a loss with respect to the parameters, dU = ∂L/∂U, dW, db, dV, dc, and to
 * the initial state, dh_0 = ∂L/∂h_0. A view by letter over one {@link Params} named as the
 * parameters are (U, W, b, V, c), which {@link #asParams()} hands back as it is. {@link #norm()}
 * is that Params' global L2 norm sqrt(Σ over every parameter entry of g²), the quantity gradient
 * clipping looks at (∂L/∂h_0 is not a parameter and is left out). BPTT also keeps ∂L/∂h_t for
 * every step ({@link #hiddenGradNorms()}). Immutable; every accessor returns a copy.
 */
public final class Gradients {

    private final Params params;
    private final double[] dh0;
    private final double[][] dhs;

    private Gradients(Params params, double[] dh0, double[][] dhs) {
        this.params = params;
        this.dh0 = dh0;
        this.dhs = dhs;
    }

    /**
     * Gradients built from arrays (copied), e.g. after clipping; ∂L/∂h_t per step is not known then.
     * Shapes are checked, entries are not: an exploding gradient may hold NaN or ±∞.
     */
    public static Gradients of(double[][] dU, double[][] dW, double[] db, double[][] dV, double[] dc, double[] dh0) {
        checkShapes(dU, dW, db, dV, dc, dh0);
        return new Gradients(RnnParams.named(dU, dW, db, dV, dc), dh0.clone(), null);
    }

    /** The view over parameter gradients named as the parameters they belong to (U, W, b, V, c), with dh_0 beside them. */
    public static Gradients of(Params g, double[] dh0) {
        RnnParams.checkNames("g", g, "gradients");
        double[][] dU = g.get("U"), dW = g.get("W"), dV = g.get("V");   // copies, kept as they are
        double[] db = RnnParams.row("b", g), dc = RnnParams.row("c", g);
        checkShapes(dU, dW, db, dV, dc, dh0);
        return new Gradients(Params.taking(RnnParams.byLetter(dU, dW, db, dV, dc)), dh0.clone(), null);
    }

    /** dU: H×D, dW: H×H, db: H, dV: K×H, dc: K, dh0: H; entries unchecked. */
    private static void checkShapes(double[][] dU, double[][] dW, double[] db, double[][] dV, double[] dc, double[] dh0) {
        int h = Check.rows("dW", dW);
        Check.shape("dW", dW, h, h);
        Check.shape("dU", dU, h, Check.cols("dU", dU));
        Check.length("db", db, h);
        int k = Check.rows("dV", dV);
        Check.shape("dV", dV, k, h);
        Check.length("dc", dc, k);
        Check.length("dh0", dh0, h);
    }

    /** What BPTT computed: arrays no one else holds, with ∂L/∂h_t of every step (dhs[t-1]). */
    static Gradients computed(double[][] dU, double[][] dW, double[] db, double[][] dV, double[] dc, double[] dh0, double[][] dhs) {
        return new Gradients(Params.taking(RnnParams.byLetter(dU, dW, db, dV, dc)), dh0, dhs);
    }

    /** The parameter gradients by the name of their parameter, U, W, b, V, c (b and c as one row): the one store. */
    public Params asParams() {
        return params;
    }

    public double[][] dU() {
        return params.get("U");
    }

    public double[][] dW() {
        return params.get("W");
    }

    public double[] db() {
        return RnnParams.row("b", params);
    }

    public double[][] dV() {
        return params.get("V");
    }

    public double[] dc() {
        return RnnParams.row("c", params);
    }

    public double[] dh0() {
        return dh0.clone();
    }

    /** The global L2 norm ‖g‖ = sqrt(Σ over every parameter entry of g²) (∂L/∂h_0 excluded). */
    public double norm() {
        return params.norm();
    }

    /**
     * ‖∂L/∂h_t‖ for t = 1..T: the total derivative of the loss with respect to each hidden state,
     * through every later step; with window-k truncation, through at most k steps.
     */
    public double[] hiddenGradNorms() {
        if (dhs == null) {
            throw new IllegalStateException("hiddenGradNorms: only gradients computed by BPTT carry ∂L/∂h_t");
        }
        double[] norms = new double[dhs.length];
        for (int t = 0; t < dhs.length; t++) {
            norms[t] = Matrices.norm(dhs[t]);
        }
        return norms;
    }

    /** Every gradient multiplied by s (∂L/∂h_t per step too). */
    public Gradients scaled(double s) {
        Check.finite("s", s);
        double[] dh0s = dh0.clone();
        for (int i = 0; i < dh0s.length; i++) {
            dh0s[i] *= s;
        }
        return new Gradients(params.scaled(s), dh0s, dhs == null ? null : Matrices.scale(s, dhs));
    }

    /** The five parameter gradients as matrices, copied, in the order of {@link #asParams()}: dU, dW, db, dV, dc. */
    public double[][][] parameterArrays() {
        return params.toMap().values().toArray(new double[0][][]);
    }

    /** ∂L/∂h_t of every step, for this package's tests; null for gradients built from arrays. */
    double[][] dhsView() {
        return dhs;
    }

    @Override
    public String toString() {
        return String.format("Gradients[norm=%.6g]", norm());
    }
}
