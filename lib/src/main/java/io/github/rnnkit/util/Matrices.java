package io.github.rnnkit.util;

import java.util.Random;

/**
 * Small dense linear algebra on {@code double[][]} (row-major, rectangular), enough for the
 * lessons' matrices of a few hundred rows. Every method returns a new array and leaves its
 * arguments untouched, except {@link #addInto} and {@link #addOuterInto}, whose names say that they
 * add into their first. Shapes are checked; entries are not, so NaN and ±∞ spread through the
 * arithmetic as IEEE 754 says (an exploding gradient's norm is ∞, not an error), except in the
 * iterative {@link #spectralRadius}, which needs finite entries.
 */
public final class Matrices {

    private Matrices() {
    }

    /** A m×n matrix of zeros. */
    public static double[][] zeros(int m, int n) {
        Check.atLeast("m", m, 1);
        Check.atLeast("n", n, 1);
        return new double[m][n];
    }

    /** The n×n identity scaled by {@code s}. */
    public static double[][] identity(int n, double s) {
        Check.atLeast("n", n, 1);
        Check.finite("s", s);
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            out[i][i] = s;
        }
        return out;
    }

    /** y = A x. */
    public static double[] times(double[][] a, double[] x) {
        length("x", x, shape("a", a), "the width of a");
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double s = 0;
            double[] row = a[i];
            for (int j = 0; j < x.length; j++) {
                s += row[j] * x[j];
            }
            y[i] = s;
        }
        return y;
    }

    /** C = A B. */
    public static double[][] times(double[][] a, double[][] b) {
        int inner = shape("a", a);
        shape("b", b);
        if (b.length != inner) {
            throw new IllegalArgumentException(
                    "b: expected " + inner + " rows (the width of a), got " + b.length + " rows");
        }
        int n = b[0].length;
        double[][] c = new double[a.length][n];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < b.length; k++) {
                double aik = a[i][k];
                double[] bk = b[k];
                double[] ci = c[i];
                for (int j = 0; j < n; j++) {
                    ci[j] += aik * bk[j];
                }
            }
        }
        return c;
    }

    /** Aᵀ. */
    public static double[][] transpose(double[][] a) {
        shape("a", a);
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    /** diag(d) A: row i of A scaled by d[i]. */
    public static double[][] scaleRows(double[] d, double[][] a) {
        shape("a", a);
        length("d", d, a.length, "the height of a");
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] *= d[i];
            }
        }
        return out;
    }

    /** A − B, as a new matrix (both of one shape). */
    public static double[][] minus(double[][] a, double[][] b) {
        int cols = shape("a", a);
        Check.shape("b", b, a.length, cols);
        double[][] out = Check.copy(a);
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < cols; j++) {
                out[i][j] -= b[i][j];
            }
        }
        return out;
    }

    /** s A. */
    public static double[][] scale(double s, double[][] a) {
        Check.finite("s", s);
        shape("a", a);
        double[][] out = Check.copy(a);
        for (double[] row : out) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= s;
            }
        }
        return out;
    }

    /** ‖x‖₂, computed without overflow for entries up to Double.MAX_VALUE. */
    public static double norm(double[] x) {
        Check.notNull("x", x, "a vector");
        double sum = sumOfSquares(x);
        if (sum > SAFE_MIN && sum < SAFE_MAX) {
            return Math.sqrt(sum);
        }
        return scaledNorm(new double[][] {x});
    }

    /** The Frobenius norm ‖A‖_F, the L2 norm of all entries, computed without overflow. */
    public static double frobenius(double[][] a) {
        shape("a", a);
        double sum = 0;
        for (double[] row : a) {
            sum += sumOfSquares(row);
        }
        if (sum > SAFE_MIN && sum < SAFE_MAX) {
            return Math.sqrt(sum);
        }
        return scaledNorm(a);
    }

    /**
     * The global norm of several arrays, ‖G‖ = sqrt(Σ_i ‖A_i‖_F²): the one norm gradient clipping
     * and the trainer look at, computed without overflow.
     */
    public static double globalNorm(double[][]... arrays) {
        Check.notNull("arrays", arrays, "matrices");
        double[] norms = new double[arrays.length];
        for (int i = 0; i < arrays.length; i++) {
            norms[i] = frobenius(arrays[i]);
        }
        return norm(norms);
    }

    /** cos ∠(x, y) = x·y / (‖x‖ ‖y‖); NaN when either vector is zero (it has no direction). */
    public static double cosine(double[] x, double[] y) {
        Check.notNull("x", x, "a vector");
        length("y", y, x.length, "the length of x");
        double dot = 0;
        for (int i = 0; i < x.length; i++) {
            dot += x[i] * y[i];
        }
        return dot / (norm(x) * norm(y));
    }

    /** Every entry of every matrix, in order (matrix by matrix, row by row), as one vector. */
    public static double[] flatten(double[][]... arrays) {
        Check.notNull("arrays", arrays, "matrices");
        int n = 0;
        for (int k = 0; k < arrays.length; k++) {
            Check.notNull("arrays[" + k + "]", arrays[k], "a matrix");
            for (double[] row : arrays[k]) {
                n += Check.notNull("arrays[" + k + "]", row, "rows of numbers").length;
            }
        }
        double[] out = new double[n];
        int at = 0;
        for (double[][] a : arrays) {
            for (double[] row : a) {
                System.arraycopy(row, 0, out, at, row.length);
                at += row.length;
            }
        }
        return out;
    }

    /**
     * The relative error of CS231n's gradient checks, |x − y| / max(1e-8, |x| + |y|): below 1e-7 two
     * gradients agree; the floor keeps two near-zero numbers from counting as far apart.
     */
    public static double relativeError(double x, double y) {
        return Math.abs(x - y) / Math.max(1e-8, Math.abs(x) + Math.abs(y));
    }

    /** A rows×cols matrix of draws from N(0, σ²), row by row from {@code rng}. */
    public static double[][] gaussian(Random rng, int rows, int cols, double sigma) {
        double[][] m = randomShape(rng, rows, cols);
        Check.nonNegative("sigma", sigma);
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = sigma * rng.nextGaussian();
            }
        }
        return m;
    }

    /** A rows×cols matrix of draws from U(−a, a), row by row from {@code rng}. */
    public static double[][] uniform(Random rng, int rows, int cols, double a) {
        double[][] m = randomShape(rng, rows, cols);
        Check.nonNegative("a", a);
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = (2 * rng.nextDouble() - 1) * a;
            }
        }
        return m;
    }

    private static double[][] randomShape(Random rng, int rows, int cols) {
        Check.notNull("rng", rng, "a java.util.Random");
        Check.atLeast("rows", rows, 1);
        Check.atLeast("cols", cols, 1);
        return new double[rows][cols];
    }

    /** The width of a non-empty matrix whose rows all have one length; its entries are not looked at. */
    private static int shape(String name, double[][] a) {
        int cols = Check.cols(name, a);
        Check.shape(name, a, a.length, cols);
        return cols;
    }

    /** A vector of the given length, {@code what} saying where that length comes from; its entries are not looked at. */
    private static void length(String name, double[] x, int length, String what) {
        if (x == null || x.length != length) {
            throw new IllegalArgumentException(name + ": expected a vector of length " + length + " (" + what
                    + "), got " + (x == null ? "null" : "length " + x.length));
        }
    }

    /** Σ x_i², in four interleaved partial sums so the additions overlap instead of waiting on each other. */
    private static double sumOfSquares(double[] x) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 4 <= x.length; i += 4) {
            s0 += x[i] * x[i];
            s1 += x[i + 1] * x[i + 1];
            s2 += x[i + 2] * x[i + 2];
            s3 += x[i + 3] * x[i + 3];
        }
        for (; i < x.length; i++) {
            s0 += x[i] * x[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Squares summed directly are exact enough between these bounds; outside them, rescale first. */
    private static final double SAFE_MIN = 1e-280;
    private static final double SAFE_MAX = 1e280;

    /** max|a|·sqrt(Σ (a/max|a|)²): the slow path for sums of squares that would underflow or overflow. */
    private static double scaledNorm(double[][] a) {
        double scale = maxAbs(a);
        if (scale == 0 || !Double.isFinite(scale)) {
            return scale;
        }
        double s = 0;
        for (double[] row : a) {
            for (double v : row) {
                double r = v / scale;
                s += r * r;
            }
        }
        return scale * Math.sqrt(s);
    }

    /**
     * The spectral norm λ1 = ‖A‖₂ = σ_max(A), the largest singular value, by power iteration on AᵀA,
     * to a relative change below 1e-13 (at most 10 000 steps). A is first divided by its largest
     * entry, so a product of many small Jacobians (‖A‖ near 1e-300) neither underflows nor loses
     * digits; the start vector is a seeded Gaussian one, which no structure of A can make
     * orthogonal to the top singular vector (a fixed vector such as all ones can be). An infinite
     * entry gives ∞, a NaN entry NaN.
     */
    public static double spectralNorm(double[][] a) {
        shape("a", a);
        double scale = maxAbs(a);
        if (scale == 0 || !Double.isFinite(scale)) {
            return scale;
        }
        double[][] m = dividedBy(a, scale);
        Random rng = new Random(SPECTRAL_SEED);
        double[] v = new double[m[0].length];
        for (int j = 0; j < v.length; j++) {
            v[j] = rng.nextGaussian();
        }
        double sigma = 0;
        for (int iter = 0; iter < 10_000; iter++) {
            double[] mv = times(m, normalised(v));
            double next = norm(mv);
            if (next == 0) {
                return 0;
            }
            v = transposeTimesUnchecked(m, mv);
            if (Math.abs(next - sigma) <= 1e-13 * next) {
                return scale * next;
            }
            sigma = next;
        }
        return scale * sigma;
    }

    private static final long SPECTRAL_SEED = 20130101L;

    private static double maxAbs(double[][] a) {
        double max = 0;
        for (double[] row : a) {
            for (double x : row) {
                max = Math.max(max, Math.abs(x));
            }
        }
        return max;
    }

    private static double[] normalised(double[] v) {
        double n = norm(v);
        double[] out = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = v[j] / n;
        }
        return out;
    }

    /** acc ← acc + x, in place: the running sums of backpropagation. */
    public static void addInto(double[] acc, double[] x) {
        Check.notNull("acc", acc, "a vector");
        length("x", x, acc.length, "the length of acc");
        for (int i = 0; i < acc.length; i++) {
            acc[i] += x[i];
        }
    }

    /** acc ← acc + x yᵀ, in place: one term of a weight gradient. */
    public static void addOuterInto(double[][] acc, double[] x, double[] y) {
        shape("acc", acc);
        length("x", x, acc.length, "the height of acc");
        length("y", y, acc[0].length, "the width of acc");
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) {
                acc[i][j] += x[i] * y[j];
            }
        }
    }

    /** Aᵀ y, without forming Aᵀ. */
    public static double[] transposeTimes(double[][] a, double[] y) {
        length("y", y, a.length, "the height of a");
        return transposeTimesUnchecked(a, y);
    }

    private static double[] transposeTimesUnchecked(double[][] a, double[] y) {
        double[] out = new double[a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < out.length; j++) {
                out[j] += a[i][j] * y[i];
            }
        }
        return out;
    }

    /**
     * The spectral radius ρ(A) = max |λ_i| of a square matrix, by Gelfand's formula
     * ρ(A) = lim ‖A^n‖^{1/n} with n = 2^m: the matrix is squared m times and renormalised after
     * each squaring, so its powers neither overflow nor underflow. Unlike power iteration this
     * also converges when the dominant eigenvalues form a complex pair.
     */
    public static double spectralRadius(double[][] a) {
        Check.matrix("a", a, Check.rows("a", a), a.length);
        double[][] p = a;
        double logNorm = 0;
        int squarings = 60;
        for (int m = 0; m < squarings; m++) {
            double n = frobenius(p);
            if (n == 0) {
                return 0;
            }
            logNorm += Math.log(n) / Math.pow(2, m);
            p = dividedBy(p, n);
            p = times(p, p);
        }
        return Math.exp(logNorm + Math.log(frobenius(p)) / Math.pow(2, squarings));
    }

    /** A / d entry by entry: unlike scaling by 1/d it works for a subnormal d, whose inverse overflows. */
    private static double[][] dividedBy(double[][] a, double d) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new double[a[i].length];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = a[i][j] / d;
            }
        }
        return out;
    }
}
