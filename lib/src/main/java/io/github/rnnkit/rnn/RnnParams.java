package io.github.rnnkit.rnn;

import io.github.rnnkit.util.Check;

/**
 * The parameters of a vanilla RNN, for hidden size H, input size D and output size K:
 *
 * <pre>
 *   z_t = U x_t + W h_{t-1} + b        U: H×D, W: H×H, b: H
 *   o_t = V h_t + c                    V: K×H, c: K
 * </pre>
 *
 * Immutable: {@link #of} copies its arguments and every accessor returns a fresh copy, so no
 * caller can change a parameter set another caller holds. {@link #toParams()} gives the same
 * arrays by name, the form the trainer, the clipping policies and the gradient check work on.
 */
public final class RnnParams {

    private final double[][] u;
    private final double[][] w;
    private final double[] b;
    private final double[][] v;
    private final double[] c;

    private RnnParams(double[][] u, double[][] w, double[] b, double[][] v, double[] c) {
        this.u = u;
        this.w = w;
        this.b = b;
        this.v = v;
        this.c = c;
    }

    /** Validates the shapes and finiteness of every parameter and copies them. */
    public static RnnParams of(double[][] U, double[][] W, double[] b, double[][] V, double[] c) {
        int h = Check.rows("W", W);
        Check.matrix("W", W, h, h);
        int d = Check.cols("U", U);
        Check.matrix("U", U, h, d);
        Check.vector("b", b, h);
        int k = Check.rows("V", V);
        Check.matrix("V", V, k, h);
        Check.vector("c", c, k);
        return new RnnParams(Check.copy(U), Check.copy(W), b.clone(), Check.copy(V), c.clone());
    }

    /** The parameters named U, W, b, V, c (b and c as 1-row matrices), validated as {@link #of} does. */
    public static RnnParams fromParams(Params params) {
        Check.notNull("params", params, "Params named U, W, b, V, c").checkRnnNames("params", "Params");
        return of(params.view("U"), params.view("W"), params.vector("b"), params.view("V"), params.vector("c"));
    }

    /** The five arrays by name, U, W, b, V, c (b and c as 1-row matrices); copied. */
    public Params toParams() {
        return Params.rnn(U(), W(), b(), V(), c());
    }

    /**
     * Parameters over arrays no one else holds, taken as they are: for a trained network, whose
     * weights may have stopped being finite when its run diverged.
     */
    static RnnParams trained(double[][] u, double[][] w, double[] b, double[][] v, double[] c) {
        return new RnnParams(u, w, b, v, c);
    }

    // Views for the package's own read-only use: nothing in the package writes to them.
    double[][] uView() {
        return u;
    }

    double[][] wView() {
        return w;
    }

    double[] bView() {
        return b;
    }

    double[][] vView() {
        return v;
    }

    double[] cView() {
        return c;
    }

    public double[][] U() {
        return Check.copy(u);
    }

    public double[][] W() {
        return Check.copy(w);
    }

    public double[] b() {
        return b.clone();
    }

    public double[][] V() {
        return Check.copy(v);
    }

    public double[] c() {
        return c.clone();
    }

    /** H, the number of hidden units. */
    public int hiddenSize() {
        return w.length;
    }

    /** D, the length of each input vector x_t. */
    public int inputSize() {
        return u[0].length;
    }

    /** K, the number of output classes. */
    public int outputSize() {
        return v.length;
    }

    @Override
    public String toString() {
        return "RnnParams[H=" + hiddenSize() + ", D=" + inputSize() + ", K=" + outputSize() + "]";
    }
}
