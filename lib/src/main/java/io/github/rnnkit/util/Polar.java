package io.github.rnnkit.util;

/**
 * The polar decomposition of a square non-singular matrix, A = Q P: Q orthogonal, P = (AᵀA)^{1/2}
 * symmetric positive definite. With the singular value decomposition A = U Σ Vᵀ, Q = U Vᵀ: the
 * matrix A with every singular value set to 1, its directions kept. So λ Q is A with every
 * singular value set to λ, and ‖(λQ)^k‖₂ = λ^k exactly.
 *
 * <p>Q is computed by Newton's iteration with Higham's (1986) scaling,
 *
 * <pre>
 *   X_0 = A,   X_{k+1} = ½ (ζ_k X_k + (ζ_k X_k)^{−T}),   ζ_k = (‖X_k^{−1}‖_F / ‖X_k‖_F)^{1/2},
 * </pre>
 *
 * which converges quadratically to Q for every non-singular A; it stops when an update changes
 * X by less than 1e-14 of its size.
 */
public final class Polar {

    private static final int MAX_STEPS = 100;
    private static final double TOLERANCE = 1e-14;

    private Polar() {
    }

    /** Q of A = Q P: A with every singular value set to 1 (a new array; {@code a} is left unchanged). */
    public static double[][] orthogonalFactor(double[][] a) {
        int n = Check.rows("a", a);
        Check.matrix("a", a, n, n);
        double[][] x = Check.copy(a);
        for (int step = 0; step < MAX_STEPS; step++) {
            double[][] inverse = inverse(x);
            double zeta = Math.sqrt(Matrices.frobenius(inverse) / Matrices.frobenius(x));
            double[][] next = new double[n][n];
            double change = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    // (X^{−1})ᵀ at (i, j) is X^{−1} at (j, i)
                    next[i][j] = 0.5 * (zeta * x[i][j] + inverse[j][i] / zeta);
                    change = Math.max(change, Math.abs(next[i][j] - x[i][j]));
                }
            }
            x = next;
            if (change <= TOLERANCE) {
                return x;
            }
        }
        throw new IllegalArgumentException("a: expected a matrix whose polar factor converges in " + MAX_STEPS
                + " Newton steps, got one that did not (nearly singular)");
    }

    /** A^{−1} by Gauss–Jordan elimination with partial pivoting. */
    private static double[][] inverse(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][2 * n];
        double scale = 0;
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n + i] = 1;
            for (double v : a[i]) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            // a pivot at rounding level of the entries means the columns are dependent
            if (!(Math.abs(m[pivot][col]) > 1e-14 * scale)) {
                throw new IllegalArgumentException("a: expected a non-singular matrix, got a singular one (column " + col
                        + " depends on the others)");
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            double p = m[col][col];
            for (int j = 0; j < 2 * n; j++) {
                m[col][j] /= p;
            }
            for (int r = 0; r < n; r++) {
                double factor = m[r][col];
                if (r != col && factor != 0) {
                    for (int j = 0; j < 2 * n; j++) {
                        m[r][j] -= factor * m[col][j];
                    }
                }
            }
        }
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], n, out[i], 0, n);
        }
        return out;
    }
}
