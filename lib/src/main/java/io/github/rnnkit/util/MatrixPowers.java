package io.github.rnnkit.util;

/**
 * The powers of a square matrix W and their spectral norms, for k = 1 … K:
 *
 * <pre>
 *   W^k = W · W^(k−1),   W^0 = I
 *   ρ(W)^k  ≤  ‖W^k‖₂  ≤  λ1^k        λ1 = ‖W‖₂ (‖AB‖ ≤ ‖A‖ ‖B‖); ρ(W) from an eigenvector v: ‖W^k v‖ = ρ^k ‖v‖
 *   ρ(W)  ≤  ‖W^k‖₂^(1/k)  ≤  λ1      the rate per step, which tends to ρ(W) as k grows (Gelfand's formula)
 * </pre>
 *
 * For a linear RNN (f the identity) W^k is the Jacobian product ∂h_t/∂h_{t−k}, so these norms are how
 * far k steps carry a gradient. For a non-normal W (ρ &lt; λ1) they can first grow, then decay: a
 * transient that neither ρ^k nor λ1^k shows. Immutable; every accessor returns a copy.
 */
public final class MatrixPowers {

    private final double[] norms;

    private MatrixPowers(double[] norms) {
        this.norms = norms;
    }

    /** ‖W^k‖₂ for k = 1 … {@code powers}, each power formed as W times the one before; W is not modified. */
    public static MatrixPowers of(double[][] w, int powers) {
        int n = Check.rows("w", w);
        Check.matrix("w", w, n, n);
        Check.atLeast("powers", powers, 1);
        double[] norms = new double[powers];
        double[][] product = Matrices.identity(n, 1);
        for (int k = 1; k <= powers; k++) {
            product = Matrices.times(w, product);
            norms[k - 1] = Matrices.spectralNorm(product);
        }
        return new MatrixPowers(norms);
    }

    /** How many powers were formed, K. */
    public int powers() {
        return norms.length;
    }

    /** ‖W^k‖₂ for k = 1 … K (index k − 1). */
    public double[] norms() {
        return norms.clone();
    }

    /** The rate per step ‖W^k‖₂^(1/k) for k = 1 … K (index k − 1): λ1 at k = 1, towards ρ(W) after. */
    public double[] rates() {
        double[] rates = new double[norms.length];
        for (int k = 1; k <= norms.length; k++) {
            rates[k - 1] = Math.pow(norms[k - 1], 1.0 / k);
        }
        return rates;
    }
}
