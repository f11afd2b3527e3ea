package io.github.rnnkit.rnn;

import io.github.rnnkit.activation.Activation;
import io.github.rnnkit.util.Matrices;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The speed-optimised forward pass and BPTT behind {@link Rnn}: the same equations as
 * {@link ReferenceBptt}, which the tests hold it to, arranged for the JIT. It reads U, W, b, V, c
 * and keeps the transposes Uᵀ, Wᵀ, Vᵀ, since A x is fastest as a sum of A's columns (rows of Aᵀ),
 * weighted by the non-zero x_j. An {@link Rnn}'s arrays never change; a training state changes
 * its own in place and then calls {@link #refresh()}.
 */
final class FastBptt {

    final double[][] u;
    final double[][] w;
    final double[] b;
    final double[][] v;
    final double[] c;
    final Activation f;
    private final double[][] ut;
    private final double[][] wt;
    private final double[][] vt;
    private final int[] allIndices;

    FastBptt(double[][] u, double[][] w, double[] b, double[][] v, double[] c, Activation f) {
        this.u = u;
        this.w = w;
        this.b = b;
        this.v = v;
        this.c = c;
        this.f = f;
        this.ut = new double[u[0].length][u.length];
        this.wt = new double[w.length][w.length];
        this.vt = new double[v[0].length][v.length];
        this.allIndices = IntStream.range(0, Math.max(Math.max(u.length, u[0].length), v.length)).toArray();
        refresh();
    }

    int hidden() {
        return w.length;
    }

    int inputs() {
        return u[0].length;
    }

    int outputs() {
        return v.length;
    }

    /** Recomputes the transposes after U, W or V changed. */
    void refresh() {
        transposeInto(u, ut);
        transposeInto(w, wt);
        transposeInto(v, vt);
    }

    /** z_t = U x_t + W h_{t-1} + b, h_t = f(z_t), o_t = V h_t + c for every step (inputs already checked). */
    Forward forward(double[][] xs, double[] h0) {
        int steps = xs.length;
        double[][] zs = new double[steps][];
        double[][] hs = new double[steps][];
        double[][] logits = new double[steps][];
        double[] h = h0;
        for (int t = 0; t < steps; t++) {
            zs[t] = b.clone();
            addCombination(zs[t], ut, xs[t]);
            addCombination(zs[t], wt, h);
            hs[t] = f.applyAll(zs[t]);
            logits[t] = c.clone();
            addCombination(logits[t], vt, hs[t]);
            h = hs[t];
        }
        return new Forward(xs, h0, zs, hs, logits);
    }

    /** Full BPTT from ∂L/∂o_t of every step: one pass from t = T down to 1. */
    Gradients backward(Forward fwd, double[][] dos) {
        Accumulator acc = new Accumulator();
        double[][] dhs = new double[fwd.length()][];
        double[] fromLater = new double[hidden()];
        for (int t = fwd.length() - 1; t >= 0; t--) {
            double[] dh = fromLater;                      // Wᵀ δ_{t+1} ...
            acc.output(dos[t], fwd.hsView()[t], dh);      // ... + Vᵀ ∂L/∂o_t = ∂L/∂h_t
            dhs[t] = dh;
            double[] delta = times(dh, f.derivativeAll(fwd.zsView()[t]));
            fromLater = new double[hidden()];
            acc.recurrent(delta, fwd.xsView()[t], previous(fwd, t), fromLater);
        }
        return acc.gradients(fromLater, dhs);
    }

    /** Truncated BPTT: each loss term L_t sends its gradient back through at most k steps (1 ≤ k &lt; T). */
    Gradients truncated(Forward fwd, double[][] dos, int k) {
        Accumulator acc = new Accumulator();
        double[][] dhs = new double[fwd.length()][hidden()];
        double[] dh0 = new double[hidden()];
        for (int t = fwd.length() - 1; t >= 0; t--) {
            double[] dh = new double[hidden()];
            acc.output(dos[t], fwd.hsView()[t], dh);
            for (int s = t; s >= Math.max(0, t - k + 1); s--) {
                Matrices.addInto(dhs[s], dh);
                double[] delta = times(dh, f.derivativeAll(fwd.zsView()[s]));
                dh = new double[hidden()];
                acc.recurrent(delta, fwd.xsView()[s], previous(fwd, s), dh);
                if (s == 0) {
                    Matrices.addInto(dh0, dh);
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
            int h = hidden();
            return Gradients.computed(sumOfOuters(deltas, inputs, h, inputs()), sumOfOuters(deltas, previous, h, h),
                    sum(deltas, h), sumOfOuters(outputGrads, states, outputs(), h), sum(outputGrads, outputs()),
                    dh0, dhs);
        }
    }

    private static double[] previous(Forward fwd, int t) {
        return t == 0 ? fwd.h0View() : fwd.hsView()[t - 1];
    }

    /**
     * out += Σ_j x_j·vectors[j]. Both products of a step are this sum: A x with the columns of A
     * (rows of Aᵀ) as vectors, and Aᵀ g with the rows of A. Four vectors per pass, so {@code out}
     * is loaded and stored a quarter as often; zero x_j are skipped (a one-hot input costs one
     * vector, a ReLU state only its active units).
     */
    private void addCombination(double[] out, double[][] vectors, double[] x) {
        int[] j = nonZeros(x);
        int n = count(j, x);
        int k = 0;
        for (; k + 4 <= n; k += 4) {
            double[] a0 = vectors[j[k]], a1 = vectors[j[k + 1]], a2 = vectors[j[k + 2]], a3 = vectors[j[k + 3]];
            double x0 = x[j[k]], x1 = x[j[k + 1]], x2 = x[j[k + 2]], x3 = x[j[k + 3]];
            for (int i = 0; i < out.length; i++) {
                out[i] += a0[i] * x0 + a1[i] * x1 + a2[i] * x2 + a3[i] * x3;
            }
        }
        for (; k < n; k++) {
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
    private double[][] sumOfOuters(List<double[]> as, List<double[]> bs, int m, int n) {
        double[][] out = new double[m][n];
        List<double[]> denseA = new ArrayList<>();
        List<double[]> denseB = new ArrayList<>();
        for (int t = 0; t < as.size(); t++) {
            double[] a = as.get(t);
            double[] b = bs.get(t);
            int[] nonZero = nonZeros(b);
            int count = count(nonZero, b);
            if (count * 2 >= n) {
                denseA.add(a);
                denseB.add(b);
                continue;
            }
            for (int k = 0; k < count; k++) {
                int j = nonZero[k];
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
            Matrices.addInto(out, a);
        }
        return out;
    }

    /**
     * The indices of y's non-zero entries, in order; for a vector without zeros (a tanh state, a
     * softmax gradient: most vectors here) the shared 0, 1, 2, … without scanning twice or allocating.
     */
    private int[] nonZeros(double[] y) {
        int first = 0;
        while (first < y.length && y[first] != 0) {
            first++;
        }
        if (first == y.length) {
            return allIndices;
        }
        int[] idx = new int[y.length];
        int count = 0;
        for (int j = 0; j < y.length; j++) {
            if (y[j] != 0) {
                idx[count++] = j;
            }
        }
        return Arrays.copyOf(idx, count);
    }

    /** How many of {@link #nonZeros}'s indices belong to y: all of y's when it returned the shared ones. */
    private int count(int[] nonZeros, double[] y) {
        return nonZeros == allIndices ? y.length : nonZeros.length;
    }

    private static double[] times(double[] x, double[] y) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * y[i];
        }
        return out;
    }

    private static void transposeInto(double[][] a, double[][] t) {
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                t[j][i] = a[i][j];
            }
        }
    }
}
