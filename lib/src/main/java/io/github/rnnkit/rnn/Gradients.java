package io.github.rnnkit.rnn;

import io.github.rnnkit.util.Check;
import io.github.rnnkit.util.Grid;
import io.github.rnnkit.util.Matrices;


/**
 * The gradients of a loss with respect to the parameters, dU = ∂L/∂U, dW, db, dV, dc, and to
 * the initial state, dh_0 = ∂L/∂h_0. {@link #norm()} is the global L2 norm
 * sqrt(Σ over every parameter entry of g²), the quantity gradient clipping looks at (∂L/∂h_0 is
 * not a parameter and is left out). BPTT also keeps ∂L/∂h_t for every step
 * ({@link #hiddenGradNorms()}). Immutable; every accessor returns a copy.
 */
public final class Gradients {

    private final double[][] dU;
    private final double[][] dW;
    private final double[] db;
    private final double[][] dV;
    private final double[] dc;
    private final double[] dh0;
    private final double[][] dhs;
    private double norm = -1;

    Gradients(double[][] dU, double[][] dW, double[] db, double[][] dV, double[] dc, double[] dh0, double[][] dhs) {
        this.dU = dU;
        this.dW = dW;
        this.db = db;
        this.dV = dV;
        this.dc = dc;
        this.dh0 = dh0;
        this.dhs = dhs;
    }

    /**
     * Gradients built from arrays (copied), e.g. after clipping; ∂L/∂h_t per step is not known then.
     * Shapes are checked, entries are not: an exploding gradient may hold NaN or ±∞.
     */
    public static Gradients of(double[][] dU, double[][] dW, double[] db, double[][] dV, double[] dc, double[] dh0) {
        int h = Check.rows("dW", dW);
        Check.shape("dW", dW, h, h);
        Check.shape("dU", dU, h, Check.cols("dU", dU));
        Check.length("db", db, h);
        int k = Check.rows("dV", dV);
        Check.shape("dV", dV, k, h);
        Check.length("dc", dc, k);
        Check.length("dh0", dh0, h);
        return new Gradients(Check.copy(dU), Check.copy(dW), db.clone(), Check.copy(dV), dc.clone(), dh0.clone(), null);
    }

    /** The parameter gradients named as the parameters they belong to (U, W, b, V, c), with dh_0 beside them. */
    public static Gradients fromParams(Params g, double[] dh0) {
        Check.notNull("g", g, "gradients named U, W, b, V, c").checkRnnNames("g", "gradients");
        return of(g.view("U"), g.view("W"), g.vector("b"), g.view("V"), g.vector("c"), dh0);
    }

    /** The parameter gradients by the name of their parameter, U, W, b, V, c (b and c as one row); copied. */
    public Params toParams() {
        return Params.rnn(Check.copy(dU), Check.copy(dW), db.clone(), Check.copy(dV), dc.clone());
    }

    /** The named view over the arrays themselves, for this package's trainer: never modified, never handed out. */
    Params paramsView() {
        return Params.rnn(dU, dW, db, dV, dc);
    }

    public double[][] dU() {
        return Check.copy(dU);
    }

    public double[][] dW() {
        return Check.copy(dW);
    }

    public double[] db() {
        return db.clone();
    }

    public double[][] dV() {
        return Check.copy(dV);
    }

    public double[] dc() {
        return dc.clone();
    }

    public double[] dh0() {
        return dh0.clone();
    }

    /** The global L2 norm ‖g‖ = sqrt(Σ over every parameter entry of g²) (∂L/∂h_0 excluded). */
    public double norm() {
        if (norm < 0) {
            norm = paramsView().norm();
        }
        return norm;
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
        return new Gradients(Matrices.scale(s, dU), Matrices.scale(s, dW), Grid.map(db, x -> s * x), Matrices.scale(s, dV),
                Grid.map(dc, x -> s * x), Grid.map(dh0, x -> s * x), dhs == null ? null : Matrices.scale(s, dhs));
    }

    /** The five parameter gradients as matrices in the order of {@link #toParams()}: dU, dW, db, dV, dc (b and c as one row). */
    public double[][][] parameterArrays() {
        return toParams().views().toArray(new double[0][][]);
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
