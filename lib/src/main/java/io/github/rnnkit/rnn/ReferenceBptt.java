package io.github.rnnkit.rnn;

import io.github.rnnkit.activation.Activation;
import io.github.rnnkit.core.Softmax;
import io.github.rnnkit.util.Check;
import io.github.rnnkit.util.Matrices;

/**
 * Backpropagation through time written as the equations read, one line each, in the style of
 * Karpathy's min-char-rnn (2015). Forward, for t = 1..T:
 *
 * <pre>
 *   z_t = U x_t + W h_{t-1} + b,   h_t = f(z_t),   o_t = V h_t + c
 * </pre>
 *
 * Backward, from ∂L/∂o_t (p_t − onehot(y_t) for the cross-entropy; o_T − y at step T only for the
 * last-step squared error), t = T down to 1, δ_t = ∂L/∂z_t:
 *
 * <pre>
 *   ∂L/∂h_t = Vᵀ ∂L/∂o_t + Wᵀ δ_{t+1}        δ_t = f'(z_t) ⊙ ∂L/∂h_t
 *   dV += ∂L/∂o_t h_tᵀ    dc += ∂L/∂o_t    dU += δ_t x_tᵀ    dW += δ_t h_{t-1}ᵀ    db += δ_t
 *   dh_0 = Wᵀ δ_1
 * </pre>
 *
 * Truncated BPTT with window k treats each loss term L_t on its own: its gradient enters at h_t
 * and goes back through steps t, t−1, …, t−k+1 only. This class is the readable definition;
 * {@link Rnn} computes the same numbers faster, and the tests hold it to this one.
 */
public final class ReferenceBptt {

    private ReferenceBptt() {
    }

    /** Full BPTT of L = Σ_t −log softmax(o_t)[y_t]. */
    public static Gradients crossEntropy(RnnParams params, Activation f, double[][] xs, double[] h0, int[] targets) {
        Pass fwd = new Pass(params, f, xs, h0);
        return full(fwd, crossEntropyGradients(fwd, targets));
    }

    /** Truncated BPTT of the same loss: each L_t sends its gradient back through at most k steps. */
    public static Gradients crossEntropy(RnnParams params, Activation f, double[][] xs, double[] h0, int[] targets, int k) {
        Check.atLeast("k", k, 1);
        Pass fwd = new Pass(params, f, xs, h0);
        return truncated(fwd, crossEntropyGradients(fwd, targets), k);
    }

    /** Full BPTT of L = ½‖o_T − y‖². */
    public static Gradients lastStepSquaredError(RnnParams params, Activation f, double[][] xs, double[] h0, double[] y) {
        Pass fwd = new Pass(params, f, xs, h0);
        int last = xs.length - 1;
        Check.vector("y", y, params.outputSize());
        double[][] dOut = new double[xs.length][params.outputSize()];
        for (int k = 0; k < y.length; k++) {
            dOut[last][k] = fwd.o[last][k] - y[k];                        // ∂L/∂o_T = o_T − y
        }
        return full(fwd, dOut);
    }

    /** ∂L/∂o_t = p_t − onehot(y_t). */
    private static double[][] crossEntropyGradients(Pass fwd, int[] targets) {
        Check.notNull("targets", targets, "class indices");
        double[][] dOut = new double[fwd.o.length][];
        for (int t = 0; t < dOut.length; t++) {
            dOut[t] = Softmax.of(fwd.o[t]);                                  // p_t
            dOut[t][Check.index("targets[" + t + "]", targets[t], dOut[t].length)] -= 1;   // − onehot(y_t)
        }
        return dOut;
    }

    /** One pass from t = T down to 1, carrying ∂L/∂h_{t-1} = Wᵀ δ_t back to the step before. */
    private static Gradients full(Pass fwd, double[][] dOut) {
        Sums d = new Sums(fwd.params);
        double[][] dhs = new double[fwd.x.length][];
        double[] dhNext = new double[fwd.params.hiddenSize()];
        for (int t = fwd.x.length - 1; t >= 0; t--) {
            double[] dh = plus(Matrices.transposeTimes(fwd.params.V(), dOut[t]), dhNext); // ∂L/∂h_t
            double[] delta = hadamard(fwd.f.derivativeAll(fwd.z[t]), dh);              // δ_t = f'(z_t) ⊙ ∂L/∂h_t
            d.output(dOut[t], fwd.h[t + 1]);                                            // dV += ∂L/∂o_t h_tᵀ, dc += ∂L/∂o_t
            d.recurrent(delta, fwd.x[t], fwd.h[t]);                                     // dU += δ x_tᵀ, dW += δ h_{t-1}ᵀ, db += δ
            dhNext = Matrices.transposeTimes(fwd.params.W(), delta);                    // Wᵀ δ_t
            dhs[t] = dh;
        }
        return d.gradients(dhNext, dhs);
    }

    /** For each loss term L_t: its gradient enters at h_t and goes back through steps t .. t−k+1. */
    private static Gradients truncated(Pass fwd, double[][] dOut, int k) {
        Sums d = new Sums(fwd.params);
        double[][] dhs = new double[fwd.x.length][fwd.params.hiddenSize()];
        double[] dh0 = new double[fwd.params.hiddenSize()];
        for (int t = fwd.x.length - 1; t >= 0; t--) {
            d.output(dOut[t], fwd.h[t + 1]);                                           // dV, dc from L_t
            double[] dh = Matrices.transposeTimes(fwd.params.V(), dOut[t]);            // ∂L_t/∂h_t
            for (int s = t; s >= Math.max(0, t - k + 1); s--) {
                Matrices.addInto(dhs[s], dh);                                          // L_t's share of ∂L/∂h_s
                double[] delta = hadamard(fwd.f.derivativeAll(fwd.z[s]), dh);         // ∂L_t/∂z_s
                d.recurrent(delta, fwd.x[s], fwd.h[s]);                                // dU, dW, db from L_t at step s
                dh = Matrices.transposeTimes(fwd.params.W(), delta);                   // ∂L_t/∂h_{s-1}
                if (s == 0) {
                    Matrices.addInto(dh0, dh);
                }
            }
        }
        return d.gradients(dh0, dhs);
    }

    /**
     * The forward pass, kept step by step, one line per equation: z_t = U x_t + W h_{t-1} + b,
     * h_t = f(z_t), o_t = V h_t + c; h[0] = h_0, and z[t], h[t+1], o[t] for step t+1.
     */
    private static final class Pass {
        final RnnParams params;
        final Activation f;
        final double[][] x;
        final double[][] z;
        final double[][] h;
        final double[][] o;

        Pass(RnnParams params, Activation f, double[][] xs, double[] h0) {
            this.params = Check.notNull("params", params, "RnnParams");
            this.f = Check.notNull("f", f, "an Activation");
            Check.matrix("xs", xs, Check.rows("xs", xs), params.inputSize());
            x = xs;
            z = new double[xs.length][];
            h = new double[xs.length + 1][];
            o = new double[xs.length][];
            h[0] = h0 == null ? new double[params.hiddenSize()] : h0.clone();
            Check.vector("h0", h[0], params.hiddenSize());
            for (int t = 0; t < xs.length; t++) {
                z[t] = plus(plus(Matrices.times(params.U(), x[t]), Matrices.times(params.W(), h[t])), params.b()); // z_t = U x_t + W h_{t-1} + b
                h[t + 1] = f.applyAll(z[t]);                                                           // h_t = f(z_t)
                o[t] = plus(Matrices.times(params.V(), h[t + 1]), params.c());                         // o_t = V h_t + c
            }
        }
    }

    /** The five gradient sums dU, dW, db, dV, dc, from zero. */
    private static final class Sums {
        final double[][] dU;
        final double[][] dW;
        final double[] db;
        final double[][] dV;
        final double[] dc;

        Sums(RnnParams params) {
            dU = new double[params.hiddenSize()][params.inputSize()];
            dW = new double[params.hiddenSize()][params.hiddenSize()];
            db = new double[params.hiddenSize()];
            dV = new double[params.outputSize()][params.hiddenSize()];
            dc = new double[params.outputSize()];
        }

        void output(double[] dOut, double[] h) {
            Matrices.addOuterInto(dV, dOut, h);
            Matrices.addInto(dc, dOut);
        }

        void recurrent(double[] delta, double[] x, double[] hPrev) {
            Matrices.addOuterInto(dU, delta, x);
            Matrices.addOuterInto(dW, delta, hPrev);
            Matrices.addInto(db, delta);
        }

        Gradients gradients(double[] dh0, double[][] dhs) {
            return Gradients.computed(dU, dW, db, dV, dc, dh0, dhs);
        }
    }

    private static double[] plus(double[] a, double[] b) {
        double[] out = a.clone();
        Matrices.addInto(out, b);
        return out;
    }

    private static double[] hadamard(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * b[i];
        }
        return out;
    }
}
