package io.github.rnnkit.rnn;

import io.github.rnnkit.util.Check;
import io.github.rnnkit.util.Matrices;

/**
 * ∂L/∂W of the summed cross-entropy split by lag: how much the paths that cross ℓ Jacobians add.
 * Truncated BPTT with window k ({@link Rnn#bptt(Forward, int[], int)}) keeps the lags 0 … k − 1, so
 * the difference of two windows is one lag:
 *
 * <pre>
 *   dW(k)  = Σ_t Σ_{ℓ=0}^{min(k, t)−1} (f'(z_{t−ℓ}) ⊙ (J_t ⋯ J_{t−ℓ+1})ᵀ ∂L_t/∂h_t) h_{t−ℓ−1}ᵀ,   dW(0) = 0
 *   C_ℓ    = dW(ℓ + 1) − dW(ℓ),   ℓ = 0 … T − 1        (C_0: each step's own term, no Jacobian)
 *   Σ_ℓ C_ℓ = dW(T), full BPTT;    what window k drops:  dW(T) − dW(k) = Σ_{ℓ≥k} C_ℓ
 * </pre>
 *
 * with J_s = diag(f'(z_s)) W and ∂L_t/∂h_t = Vᵀ(p_t − onehot(y_t)). Computed from T runs of
 * truncated BPTT (k = 1 … T), so it costs T times a full backward pass. Immutable.
 */
public final class LagContributions {

    /** windows[k] = dW(k) for k = 0 … T. */
    private final double[][][] windows;

    private LagContributions(double[][][] windows) {
        this.windows = windows;
    }

    /** The lags of ∂L/∂W for the forward pass {@code fwd} of {@code rnn} and the targets y_1 … y_T. */
    public static LagContributions of(Rnn rnn, Forward fwd, int[] targets) {
        Check.notNull("rnn", rnn, "an Rnn");
        Check.notNull("fwd", fwd, "a forward pass");
        int steps = fwd.length();
        int hidden = rnn.params().hiddenSize();
        double[][][] windows = new double[steps + 1][][];
        windows[0] = new double[hidden][hidden];
        for (int k = 1; k <= steps; k++) {
            windows[k] = rnn.bptt(fwd, targets, k).dW();
        }
        return new LagContributions(windows);
    }

    /** T, the number of steps: the lags run 0 … T − 1. */
    public int steps() {
        return windows.length - 1;
    }

    /** dW(k), what truncated BPTT with window k returns (k = 0: zero; k ≥ T: full BPTT). */
    public double[][] windowed(int k) {
        Check.atLeast("k", k, 0);
        return Check.copy(windows[Math.min(k, steps())]);
    }

    /** C_ℓ = dW(ℓ + 1) − dW(ℓ), for 0 ≤ ℓ &lt; T. */
    public double[][] contribution(int lag) {
        checkLag(lag);
        return Matrices.minus(windows[lag + 1], windows[lag]);
    }

    /** ‖C_ℓ‖_F for ℓ = 0 … T − 1. */
    public double[] norms() {
        double[] out = new double[steps()];
        for (int lag = 0; lag < out.length; lag++) {
            out[lag] = Matrices.frobenius(contribution(lag));
        }
        return out;
    }

    /** ‖dW(T) − dW(k)‖_F: what the window of k leaves out (0 for k ≥ T). */
    public double dropped(int k) {
        Check.atLeast("k", k, 0);
        return Matrices.frobenius(Matrices.minus(windows[steps()], windows[Math.min(k, steps())]));
    }

    private void checkLag(int lag) {
        if (lag < 0 || lag >= steps()) {
            throw new IllegalArgumentException("lag: expected a lag in [0, " + (steps() - 1) + "], got " + lag);
        }
    }
}
