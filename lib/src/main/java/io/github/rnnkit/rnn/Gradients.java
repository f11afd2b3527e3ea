package io.github.rnnkit.rnn;

import io.github.rnnkit.util.Check;
import io.github.rnnkit.util.Grid;
import io.github.rnnkit.util.Matrices;

/**
 * The gradients of a loss with respect to the parameters, ∂L/∂U, ∂L/∂W, ∂L/∂b, ∂L/∂V, ∂L/∂c,
 * and to the initial state, ∂L/∂h_0. {@link #norm()} is the global L2 norm
 * sqrt(Σ over every parameter entry of g²), the quantity gradient clipping looks at (∂L/∂h_0 is
 * not a parameter and is left out). Immutable; every accessor returns a copy.
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

    /** The global L2 norm over all parameter gradients (∂L/∂h_0 excluded). */
    public double norm() {
        if (norm < 0) {
            norm = Matrices.norm(new double[] {
                Matrices.frobenius(dU), Matrices.frobenius(dW), Matrices.norm(db), Matrices.frobenius(dV), Matrices.norm(dc)});
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

    /** The five parameter gradients in the order U, W, b, V, c, as matrices (b and c as one row). */
    public double[][][] parameterArrays() {
        return new double[][][] {dU(), dW(), {db.clone()}, dV(), {dc.clone()}};
    }

    /** The parameter gradients themselves, for the trainer's inner loop: never modified, never handed out. */
    double[][][] arraysView() {
        return new double[][][] {dU, dW, {db}, dV, {dc}};
    }

    double[] dh0View() {
        return dh0;
    }

    @Override
    public String toString() {
        return String.format("Gradients[norm=%.6g]", norm());
    }
}
