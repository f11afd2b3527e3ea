package io.github.rnnkit.chain;

import io.github.rnnkit.activation.Activation;
import io.github.rnnkit.rnn.Forward;
import io.github.rnnkit.rnn.Rnn;
import io.github.rnnkit.util.Check;
import io.github.rnnkit.util.Matrices;

/**
 * How far a change in h_k reaches h_t in an RNN forward pass:
 *
 * <pre>
 *   J_t = ∂h_t/∂h_{t-1} = diag(f'(z_t)) W,        ∂h_t/∂h_k = J_t J_{t-1} … J_{k+1}
 *   ‖∂h_t/∂h_k‖₂ ≤ Π ‖diag(f'(z_j))‖ ‖W‖ ≤ (γ λ1)^(t−k)
 * </pre>
 *
 * with γ = sup|f'| and λ1 the largest singular value of W (Pascanu, Mikolov and Bengio, 2013):
 * γλ1 &lt; 1 is enough for the gradient to vanish; γλ1 &gt; 1 is needed for it to explode.
 * Steps are numbered 0..T as in the maths (h_0 is the initial state).
 */
public final class RnnJacobians {

    private final double[][] w;
    private final double gamma;
    private final double[][][] factors;
    private final double[][] norms;

    private RnnJacobians(double[][] w, double gamma, double[][][] factors, double[][] norms) {
        this.w = w;
        this.gamma = gamma;
        this.factors = factors;
        this.norms = norms;
    }

    /** The Jacobians of a forward pass of {@code rnn}. */
    public static RnnJacobians of(Rnn rnn, Forward fwd) {
        if (rnn == null || fwd == null) {
            throw new IllegalArgumentException((rnn == null ? "rnn" : "fwd") + ": expected a value, got null");
        }
        int hidden = rnn.params().hiddenSize();
        if (fwd.h0().length != hidden) {
            throw new IllegalArgumentException("fwd: expected a forward pass of an RNN with H = " + hidden
                    + ", got one with H = " + fwd.h0().length);
        }
        return of(rnn.params().W(), rnn.activation(), fwd.zs());
    }

    /** The Jacobians for recurrent weights W, activation f and pre-activations z_1..z_T (zs[t] = z_{t+1}). */
    public static RnnJacobians of(double[][] W, Activation f, double[][] zs) {
        double[][] slopes = StepSlopes.of(W, f, zs);
        int steps = slopes.length, h = W.length;
        double[][][] factors = new double[steps][][];
        for (int t = 0; t < steps; t++) {
            factors[t] = Matrices.scaleRows(slopes[t], W);
        }
        double[][] norms = new double[steps + 1][steps + 1];
        for (int k = 0; k <= steps; k++) {
            double[][] product = Matrices.identity(h, 1);
            norms[k][k] = 1;
            for (int t = k + 1; t <= steps; t++) {
                product = Matrices.times(factors[t - 1], product);
                norms[t][k] = Matrices.spectralNorm(product);
            }
        }
        return new RnnJacobians(Check.copy(W), f.maxDerivative(), factors, norms);
    }

    /** T, the number of steps. */
    public int steps() {
        return factors.length;
    }

    /** J_t = diag(f'(z_t)) W for t = 1..T. */
    public double[][] factor(int t) {
        if (t < 1 || t > factors.length) {
            throw new IllegalArgumentException("t: expected a step in [1, " + factors.length + "], got " + t);
        }
        return Check.copy(factors[t - 1]);
    }

    /** ‖∂h_t/∂h_k‖₂ for 0 ≤ k ≤ t ≤ T (1 for k = t). */
    public double norm(int t, int k) {
        if (t < 0 || t > factors.length || k < 0 || k > t) {
            throw new IllegalArgumentException("(t, k): expected 0 <= k <= t <= " + factors.length + ", got (" + t
                    + ", " + k + ")");
        }
        return norms[t][k];
    }

    /** ‖∂h_T/∂h_k‖₂ for k = 0..T: how much of a change at step k still reaches the last state. */
    public double[] normsToLast() {
        double[] out = new double[factors.length + 1];
        for (int k = 0; k <= factors.length; k++) {
            out[k] = norms[factors.length][k];
        }
        return out;
    }

    /** The (T+1)×(T+1) matrix of ‖∂h_t/∂h_k‖₂, zero above the diagonal (k &gt; t). */
    public double[][] normMatrix() {
        return Check.copy(norms);
    }

    /** λ1, the largest singular value of W. */
    public double lambda1() {
        return Matrices.spectralNorm(w);
    }

    /** γ = sup|f'| of the activation. */
    public double gamma() {
        return gamma;
    }

    /** Pascanu's bound (γλ1)^(t−k) on ‖∂h_t/∂h_k‖₂. */
    public double bound(int t, int k) {
        norm(t, k);
        return Math.pow(gamma * lambda1(), t - k);
    }
}
