package io.github.rnnkit.rnn;

import io.github.rnnkit.activation.Activation;
import io.github.rnnkit.util.Check;
import io.github.rnnkit.util.Matrices;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
        this.params = Check.notNull("params", params, "RnnParams");
        this.f = Check.notNull("f", f, "an Activation");
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
            double[] dh = fromLater;                      // Wᵀ δ_{t+1} ...
            acc.output(dos[t], fwd.hsView()[t], dh);      // ... + Vᵀ ∂L/∂o_t = ∂L/∂h_t
            dhs[t] = dh;
            double[] delta = times(dh, derivative(fwd.zsView()[t]));
            fromLater = new double[params.hiddenSize()];
            acc.recurrent(delta, fwd.xsView()[t], previous(fwd, t), fromLater);
        }
        return acc.gradients(fromLater, dhs);
    }

    private Gradients truncated(Forward fwd, double[][] dos, int k) {
        Accumulator acc = new Accumulator();
        double[][] dhs = new double[fwd.length()][params.hiddenSize()];
        double[] dh0 = new double[params.hiddenSize()];
        for (int t = fwd.length() - 1; t >= 0; t--) {
            double[] dh = new double[params.hiddenSize()];
            acc.output(dos[t], fwd.hsView()[t], dh);
            for (int s = t; s >= Math.max(0, t - k + 1); s--) {
                addInto(dhs[s], dh);
                double[] delta = times(dh, derivative(fwd.zsView()[s]));
                dh = new double[params.hiddenSize()];
                acc.recurrent(delta, fwd.xsView()[s], previous(fwd, s), dh);
                if (s == 0) {
                    addInto(dh0, dh);
                }
            }
        }
        return acc.gradients(dh0, dhs);
    }

    /**
     * Collects the terms of the parameter gradients as BPTT meets them and sums them at the end:
     * each weight gradient is a sum of outer products Σ_n a_n b_nᵀ, which is faster formed all at
     * once than added term by term. Meanwhile it sends the gradient back: dh += Vᵀ ∂o, dhPrev += Wᵀ δ.
     */
    private final class Accumulator {
        private final List<double[]> outputGrads = new ArrayList<>();
        private final List<double[]> states = new ArrayList<>();
        private final List<double[]> deltas = new ArrayList<>();
        private final List<double[]> inputs = new ArrayList<>();
        private final List<double[]> previous = new ArrayList<>();

        /** The terms ∂o hᵀ of ∂L/∂V and ∂o of ∂L/∂c; dh += Vᵀ ∂o. */
        void output(double[] dOut, double[] h, double[] dh) {
            outputGrads.add(dOut);
            states.add(h);
            addCombination(dh, v, dOut);
        }

        /** The terms δ xᵀ of ∂L/∂U, δ h_{t-1}ᵀ of ∂L/∂W and δ of ∂L/∂b; dhPrev += Wᵀ δ. */
        void recurrent(double[] delta, double[] x, double[] hPrev, double[] dhPrev) {
            deltas.add(delta);
            inputs.add(x);
            previous.add(hPrev);
            addCombination(dhPrev, w, delta);
        }

        Gradients gradients(double[] dh0, double[][] dhs) {
            int h = params.hiddenSize();
            return new Gradients(sumOfOuters(deltas, inputs, h, params.inputSize()), sumOfOuters(deltas, previous, h, h),
                    sum(deltas, h), sumOfOuters(outputGrads, states, params.outputSize(), h), sum(outputGrads, params.outputSize()),
                    dh0, dhs);
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
        addCombination(out, at, x);
        if (bt != null) {
            addCombination(out, bt, y);
        }
        return out;
    }

    /**
     * out += Σ_j x_j·vectors[j]. Both products of a step are this sum: A x with the columns of A
     * (rows of Aᵀ) as vectors, and Aᵀ g with the rows of A. Four vectors per pass, so {@code out}
     * is loaded and stored a quarter as often; zero x_j are skipped (a one-hot input costs one
     * vector, a ReLU state only its active units).
     */
    private static void addCombination(double[] out, double[][] vectors, double[] x) {
        int[] j = nonZeros(x);
        int k = 0;
        for (; k + 4 <= j.length; k += 4) {
            double[] a0 = vectors[j[k]], a1 = vectors[j[k + 1]], a2 = vectors[j[k + 2]], a3 = vectors[j[k + 3]];
            double x0 = x[j[k]], x1 = x[j[k + 1]], x2 = x[j[k + 2]], x3 = x[j[k + 3]];
            for (int i = 0; i < out.length; i++) {
                out[i] += a0[i] * x0 + a1[i] * x1 + a2[i] * x2 + a3[i] * x3;
            }
        }
        for (; k < j.length; k++) {
            double[] a0 = vectors[j[k]];
            double x0 = x[j[k]];
            for (int i = 0; i < out.length; i++) {
                out[i] += a0[i] * x0;
            }
        }
    }

    /**
     * Σ_n a_n b_nᵀ (an m×n matrix). Terms whose b_n is mostly zeros (one-hot inputs) touch only
     * b_n's non-zero columns; the others are added four at a time, each row once per four terms.
     */
    private static double[][] sumOfOuters(List<double[]> as, List<double[]> bs, int m, int n) {
        double[][] out = new double[m][n];
        List<double[]> denseA = new ArrayList<>();
        List<double[]> denseB = new ArrayList<>();
        for (int t = 0; t < as.size(); t++) {
            double[] a = as.get(t);
            double[] b = bs.get(t);
            int[] nonZero = nonZeros(b);
            if (nonZero.length * 2 >= n) {
                denseA.add(a);
                denseB.add(b);
                continue;
            }
            for (int j : nonZero) {
                for (int i = 0; i < m; i++) {
                    out[i][j] += a[i] * b[j];
                }
            }
        }
        int t = 0;
        for (; t + 4 <= denseA.size(); t += 4) {
            double[] b0 = denseB.get(t), b1 = denseB.get(t + 1), b2 = denseB.get(t + 2), b3 = denseB.get(t + 3);
            double[] a0 = denseA.get(t), a1 = denseA.get(t + 1), a2 = denseA.get(t + 2), a3 = denseA.get(t + 3);
            for (int i = 0; i < m; i++) {
                double[] row = out[i];
                double x0 = a0[i], x1 = a1[i], x2 = a2[i], x3 = a3[i];
                for (int j = 0; j < n; j++) {
                    row[j] += x0 * b0[j] + x1 * b1[j] + x2 * b2[j] + x3 * b3[j];
                }
            }
        }
        for (; t < denseA.size(); t++) {
            double[] a0 = denseA.get(t), b0 = denseB.get(t);
            for (int i = 0; i < m; i++) {
                double[] row = out[i];
                double x0 = a0[i];
                for (int j = 0; j < n; j++) {
                    row[j] += x0 * b0[j];
                }
            }
        }
        return out;
    }

    /** Σ_n a_n. */
    private static double[] sum(List<double[]> as, int m) {
        double[] out = new double[m];
        for (double[] a : as) {
            addInto(out, a);
        }
        return out;
    }

    private static int[] nonZeros(double[] y) {
        int[] idx = new int[y.length];
        int count = 0;
        for (int j = 0; j < y.length; j++) {
            if (y[j] != 0) {
                idx[count++] = j;
            }
        }
        return count == y.length ? idx : Arrays.copyOf(idx, count);
    }

    private static double[] times(double[] x, double[] y) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * y[i];
        }
        return out;
    }

    private static void addInto(double[] acc, double[] x) {
        for (int i = 0; i < acc.length; i++) {
            acc[i] += x[i];
        }
    }

    @Override
    public String toString() {
        return "Rnn[" + f.name() + ", H=" + params.hiddenSize() + ", D=" + params.inputSize() + ", K="
                + params.outputSize() + "]";
    }
}
