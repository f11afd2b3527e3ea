package io.github.rnnkit.rnn;

import io.github.rnnkit.activation.Activation;
import io.github.rnnkit.util.Check;
import io.github.rnnkit.util.Matrices;

/**
 * A vanilla recurrent network and backpropagation through time. Forward, for t = 1..T:
 *
 * <pre>
 *   z_t = U x_t + W h_{t-1} + b      h_t = f(z_t)
 *   o_t = V h_t + c                  p_t = softmax(o_t)        L = Σ_t −log p_t[y_t]
 * </pre>
 *
 * Backward (full BPTT, one pass from t = T down to 1, δ_t = ∂L/∂z_t):
 *
 * <pre>
 *   ∂L/∂o_t = p_t − onehot(y_t)                 ∂L/∂V += ∂L/∂o_t h_tᵀ,   ∂L/∂c += ∂L/∂o_t
 *   ∂L/∂h_t = Vᵀ ∂L/∂o_t + Wᵀ δ_{t+1}           δ_t = ∂L/∂h_t ⊙ f'(z_t)
 *   ∂L/∂U += δ_t x_tᵀ,  ∂L/∂W += δ_t h_{t-1}ᵀ,  ∂L/∂b += δ_t,             ∂L/∂h_0 = Wᵀ δ_1
 * </pre>
 *
 * Truncated BPTT with window k sends each loss term L_t back through at most k steps:
 * k = 1 keeps only step t's own terms, k ≥ T is full BPTT.
 */
public final class Rnn {

    private final RnnParams params;
    private final Activation f;
    private final double[][] w;
    private final double[] b;
    private final double[][] v;
    private final double[] c;
    private final double[][] ut;
    private final double[][] wt;
    private final double[][] vt;

    public Rnn(RnnParams params, Activation f) {
        if (params == null) {
            throw new IllegalArgumentException("params: expected RnnParams, got null");
        }
        if (f == null) {
            throw new IllegalArgumentException("f: expected an Activation, got null");
        }
        this.params = params;
        this.f = f;
        this.w = params.wView();
        this.b = params.bView();
        this.v = params.vView();
        this.c = params.cView();
        // The forward pass runs on transposes: A x as Σ_j x_j·(column j), a loop the JIT vectorises.
        this.ut = Matrices.transpose(params.uView());
        this.wt = Matrices.transpose(w);
        this.vt = Matrices.transpose(v);
    }

    public RnnParams params() {
        return params;
    }

    public Activation activation() {
        return f;
    }

    /** Runs the network over xs (xs[t] = x_{t+1}) from h0 (null: zeros). */
    public Forward forward(double[][] xs, double[] h0) {
        int steps = Check.rows("xs", xs);
        Check.matrix("xs", xs, steps, params.inputSize());
        double[] start = h0 == null ? new double[params.hiddenSize()] : h0.clone();
        Check.vector("h0", start, params.hiddenSize());
        double[][] zs = new double[steps][];
        double[][] hs = new double[steps][];
        double[][] logits = new double[steps][];
        double[][] probs = new double[steps][];
        double[] h = start;
        for (int t = 0; t < steps; t++) {
            zs[t] = affine(ut, xs[t], wt, h, b);
            hs[t] = apply(zs[t]);
            logits[t] = affine(vt, hs[t], null, null, c);
            probs[t] = Softmax.of(logits[t]);
            h = hs[t];
        }
        return new Forward(Check.copy(xs), start, zs, hs, logits, probs);
    }

    /** Full BPTT of the summed cross-entropy loss. */
    public Gradients bptt(Forward fwd, int[] targets) {
        checkForward(fwd);
        fwd.checkTargets(targets);
        return backward(fwd, outputGradients(fwd, targets));
    }

    /** Truncated BPTT: each loss term L_t goes back through at most k steps (k ≥ 1). */
    public Gradients bptt(Forward fwd, int[] targets, int k) {
        Check.atLeast("k", k, 1);
        checkForward(fwd);
        fwd.checkTargets(targets);
        if (k >= fwd.length()) {
            return backward(fwd, outputGradients(fwd, targets));
        }
        return truncated(fwd, outputGradients(fwd, targets), k);
    }

    /** Full BPTT of L = ½‖o_T − y‖², a squared error on the last step's output only. */
    public Gradients bpttLastStep(Forward fwd, double[] target) {
        checkForward(fwd);
        Check.vector("target", target, params.outputSize());
        int last = fwd.length() - 1;
        double[][] dos = new double[fwd.length()][params.outputSize()];
        for (int k = 0; k < target.length; k++) {
            dos[last][k] = fwd.logitsView()[last][k] - target[k];
        }
        return backward(fwd, dos);
    }

    /** ∂L/∂o_t = p_t − onehot(y_t) for every step. */
    private double[][] outputGradients(Forward fwd, int[] targets) {
        double[][] dos = new double[fwd.length()][];
        for (int t = 0; t < dos.length; t++) {
            dos[t] = fwd.probsView()[t].clone();
            dos[t][targets[t]] -= 1;
        }
        return dos;
    }

    private Gradients backward(Forward fwd, double[][] dos) {
        Accumulator acc = new Accumulator();
        double[][] dhs = new double[fwd.length()][];
        double[] fromLater = new double[params.hiddenSize()];
        for (int t = fwd.length() - 1; t >= 0; t--) {
            acc.output(dos[t], fwd.hsView()[t]);
            double[] dh = plus(transposeTimes(v, dos[t]), fromLater);
            dhs[t] = dh;
            double[] delta = times(dh, derivative(fwd.zsView()[t]));
            acc.recurrent(delta, fwd.xsView()[t], previous(fwd, t));
            fromLater = transposeTimes(w, delta);
        }
        return acc.gradients(fromLater, dhs);
    }

    private Gradients truncated(Forward fwd, double[][] dos, int k) {
        Accumulator acc = new Accumulator();
        double[][] dhs = new double[fwd.length()][params.hiddenSize()];
        double[] dh0 = new double[params.hiddenSize()];
        for (int t = fwd.length() - 1; t >= 0; t--) {
            acc.output(dos[t], fwd.hsView()[t]);
            double[] dh = transposeTimes(v, dos[t]);
            for (int s = t; s >= Math.max(0, t - k + 1); s--) {
                addInto(dhs[s], dh);
                double[] delta = times(dh, derivative(fwd.zsView()[s]));
                acc.recurrent(delta, fwd.xsView()[s], previous(fwd, s));
                dh = transposeTimes(w, delta);
                if (s == 0) {
                    addInto(dh0, dh);
                }
            }
        }
        return acc.gradients(dh0, dhs);
    }

    /** Sums the parameter gradients term by term. */
    private final class Accumulator {
        private final double[][] dU = new double[params.hiddenSize()][params.inputSize()];
        private final double[][] dW = new double[params.hiddenSize()][params.hiddenSize()];
        private final double[] db = new double[params.hiddenSize()];
        private final double[][] dV = new double[params.outputSize()][params.hiddenSize()];
        private final double[] dc = new double[params.outputSize()];

        void output(double[] dOut, double[] h) {
            addOuter(dV, dOut, h);
            addInto(dc, dOut);
        }

        void recurrent(double[] delta, double[] x, double[] hPrev) {
            addOuter(dU, delta, x);
            addOuter(dW, delta, hPrev);
            addInto(db, delta);
        }

        Gradients gradients(double[] dh0, double[][] dhs) {
            return new Gradients(dU, dW, db, dV, dc, dh0, dhs);
        }
    }

    private void checkForward(Forward fwd) {
        if (fwd == null) {
            throw new IllegalArgumentException("fwd: expected the Forward of this network's forward pass, got null");
        }
        if (fwd.hsView()[0].length != params.hiddenSize() || fwd.logitsView()[0].length != params.outputSize()
                || fwd.xsView()[0].length != params.inputSize()) {
            throw new IllegalArgumentException("fwd: expected a forward pass of a network with H=" + params.hiddenSize()
                    + ", D=" + params.inputSize() + ", K=" + params.outputSize() + ", got H=" + fwd.hsView()[0].length
                    + ", D=" + fwd.xsView()[0].length + ", K=" + fwd.logitsView()[0].length);
        }
    }

    private static double[] previous(Forward fwd, int t) {
        return t == 0 ? fwd.h0View() : fwd.hsView()[t - 1];
    }

    private double[] apply(double[] z) {
        double[] a = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            a[i] = f.apply(z[i]);
        }
        return a;
    }

    private double[] derivative(double[] z) {
        double[] d = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            d[i] = f.derivative(z[i]);
        }
        return d;
    }

    /** A x + B y + bias, given Aᵀ and Bᵀ (B and y may be null). */
    private static double[] affine(double[][] at, double[] x, double[][] bt, double[] y, double[] bias) {
        double[] out = bias.clone();
        addColumns(out, at, x);
        if (bt != null) {
            addColumns(out, bt, y);
        }
        return out;
    }

    /** out += Σ_j x_j·at[j], skipping zero x_j (one-hot inputs cost one column). */
    private static void addColumns(double[] out, double[][] at, double[] x) {
        for (int j = 0; j < x.length; j++) {
            double xj = x[j];
            if (xj == 0) {
                continue;
            }
            double[] column = at[j];
            for (int i = 0; i < out.length; i++) {
                out[i] += column[i] * xj;
            }
        }
    }

    /** Aᵀ g = Σ_i g_i·(row i of A). */
    private static double[] transposeTimes(double[][] a, double[] g) {
        double[] out = new double[a[0].length];
        for (int i = 0; i < a.length; i++) {
            double gi = g[i];
            double[] row = a[i];
            for (int j = 0; j < out.length; j++) {
                out[j] += row[j] * gi;
            }
        }
        return out;
    }

    private static double[] times(double[] x, double[] y) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * y[i];
        }
        return out;
    }

    private static double[] plus(double[] x, double[] y) {
        double[] out = x.clone();
        addInto(out, y);
        return out;
    }

    private static void addInto(double[] acc, double[] x) {
        for (int i = 0; i < acc.length; i++) {
            acc[i] += x[i];
        }
    }

    /** acc += x yᵀ; when y is mostly zeros (a one-hot input) only its non-zero columns are touched. */
    private static void addOuter(double[][] acc, double[] x, double[] y) {
        int[] nonZero = nonZeros(y);
        boolean sparse = nonZero.length < y.length / 2;
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            if (xi == 0) {
                continue;
            }
            double[] row = acc[i];
            if (sparse) {
                for (int j : nonZero) {
                    row[j] += xi * y[j];
                }
            } else {
                for (int j = 0; j < y.length; j++) {
                    row[j] += xi * y[j];
                }
            }
        }
    }

    private static int[] nonZeros(double[] y) {
        int count = 0;
        for (double v : y) {
            if (v != 0) {
                count++;
            }
        }
        int[] idx = new int[count];
        int k = 0;
        for (int j = 0; j < y.length; j++) {
            if (y[j] != 0) {
                idx[k++] = j;
            }
        }
        return idx;
    }

    @Override
    public String toString() {
        return "Rnn[" + f.name() + ", H=" + params.hiddenSize() + ", D=" + params.inputSize() + ", K="
                + params.outputSize() + "]";
    }
}
