package io.github.rnnkit.util;

/**
 * Argument checks shared by the library. Each failure is an {@link IllegalArgumentException}
 * whose message names the argument, what was expected and what came, e.g.
 * {@code "W: expected a 3×3 matrix, got row 1 of length 2"}.
 */
public final class Check {

    private Check() {
    }

    /** The number of rows of a non-empty matrix. */
    public static int rows(String name, double[][] m) {
        if (m == null) {
            throw new IllegalArgumentException(name + ": expected a matrix, got null");
        }
        if (m.length == 0) {
            throw new IllegalArgumentException(name + ": expected at least one row, got 0 rows");
        }
        return m.length;
    }

    /** The number of columns of a non-empty matrix, read from its first row. */
    public static int cols(String name, double[][] m) {
        rows(name, m);
        if (m[0] == null || m[0].length == 0) {
            throw new IllegalArgumentException(name + ": expected at least one column, got "
                    + (m[0] == null ? "a null row 0" : "0 columns"));
        }
        return m[0].length;
    }

    /** A rows×cols matrix of finite numbers. */
    public static void matrix(String name, double[][] m, int rows, int cols) {
        shape(name, m, rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                // The entry's name is built only on failure: building it for every entry costs more than the check.
                if (!Double.isFinite(m[i][j])) {
                    finite(name + "[" + i + "][" + j + "]", m[i][j]);
                }
            }
        }
    }

    /** A rows×cols matrix, whatever its entries (a gradient may hold NaN or ±∞). */
    public static void shape(String name, double[][] m, int rows, int cols) {
        if (m == null) {
            throw new IllegalArgumentException(name + ": expected a " + rows + "×" + cols + " matrix, got null");
        }
        if (m.length != rows) {
            throw new IllegalArgumentException(
                    name + ": expected a " + rows + "×" + cols + " matrix, got " + m.length + " rows");
        }
        for (int i = 0; i < rows; i++) {
            if (m[i] == null || m[i].length != cols) {
                throw new IllegalArgumentException(name + ": expected a " + rows + "×" + cols
                        + " matrix, got row " + i + (m[i] == null ? " null" : " of length " + m[i].length));
            }
        }
    }

    /** A vector of the given length holding finite numbers. */
    public static void vector(String name, double[] v, int length) {
        length(name, v, length);
        for (int i = 0; i < length; i++) {
            if (!Double.isFinite(v[i])) {
                finite(name + "[" + i + "]", v[i]);
            }
        }
    }

    /** A vector of the given length, whatever its entries. */
    public static void length(String name, double[] v, int length) {
        if (v == null) {
            throw new IllegalArgumentException(name + ": expected a vector of length " + length + ", got null");
        }
        if (v.length != length) {
            throw new IllegalArgumentException(
                    name + ": expected a vector of length " + length + ", got length " + v.length);
        }
    }

    /** A finite number (not NaN, not ±∞). */
    public static double finite(String name, double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException(name + ": expected a finite number, got " + x);
        }
        return x;
    }

    /** A finite number ≥ 0. */
    public static double nonNegative(String name, double x) {
        finite(name, x);
        if (x < 0) {
            throw new IllegalArgumentException(name + ": expected a number >= 0, got " + x);
        }
        return x;
    }

    /** A finite number &gt; 0. */
    public static double positive(String name, double x) {
        finite(name, x);
        if (x <= 0) {
            throw new IllegalArgumentException(name + ": expected a number > 0, got " + x);
        }
        return x;
    }

    /** An integer of at least {@code min}. */
    public static int atLeast(String name, int x, int min) {
        if (x < min) {
            throw new IllegalArgumentException(name + ": expected an integer >= " + min + ", got " + x);
        }
        return x;
    }

    /** A value that is not null; {@code what} says what was expected, e.g. "an Activation". */
    public static <T> T notNull(String name, T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(name + ": expected " + what + ", got null");
        }
        return value;
    }

    /** A non-empty vector of finite numbers; returns its length. */
    public static int vector(String name, double[] v) {
        vector(name, v, nonEmpty(name, v));
        return v.length;
    }

    /** A non-empty vector, whatever its entries; returns its length. */
    public static int nonEmpty(String name, double[] v) {
        if (v == null || v.length == 0) {
            throw new IllegalArgumentException(name + ": expected a non-empty vector, got " + (v == null ? "null" : "length 0"));
        }
        return v.length;
    }

    /** A non-empty matrix whose rows all have the length of the first, holding finite numbers; returns that length. */
    public static int rectangular(String name, double[][] m) {
        int cols = cols(name, m);
        matrix(name, m, m.length, cols);
        return cols;
    }

    /** An index into something of {@code size} entries: 0 ≤ i &lt; size. */
    public static int index(String name, int i, int size) {
        if (i < 0 || i >= size) {
            throw new IllegalArgumentException(name + ": expected an index in [0, " + (size - 1) + "], got " + i);
        }
        return i;
    }

    /** A deep copy of a rectangular matrix. */
    public static double[][] copy(double[][] m) {
        notNull("m", m, "a matrix");
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
