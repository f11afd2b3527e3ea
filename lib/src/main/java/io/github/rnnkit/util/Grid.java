package io.github.rnnkit.util;

import java.util.function.DoubleUnaryOperator;

/**
 * Evenly spaced sample points and functions evaluated on them, for plots and numerical checks:
 * {@code linspace(a, b, n)} holds x_i = a + (b − a)·i/(n − 1) for i = 0..n−1, both ends included.
 */
public final class Grid {

    private Grid() {
    }

    /** n evenly spaced points from a to b inclusive (n ≥ 2). */
    public static double[] linspace(double a, double b, int n) {
        Check.finite("a", a);
        Check.finite("b", b);
        Check.atLeast("n", n, 2);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a + (b - a) * i / (n - 1);
        }
        x[n - 1] = b;
        return x;
    }

    /** The integers from..to inclusive, as doubles (handy as a plot's x axis). */
    public static double[] range(int from, int to) {
        if (to < from) {
            throw new IllegalArgumentException("to: expected an integer >= from (" + from + "), got " + to);
        }
        if ((long) to - from >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("to: expected at most " + Integer.MAX_VALUE + " integers from " + from
                    + ", got " + ((long) to - from + 1) + " up to " + to);
        }
        double[] x = new double[to - from + 1];
        for (int i = 0; i < x.length; i++) {
            x[i] = from + i;
        }
        return x;
    }

    /** f applied to every point: a new array, x untouched. */
    public static double[] map(double[] x, DoubleUnaryOperator f) {
        if (x == null) {
            throw new IllegalArgumentException("x: expected an array, got null");
        }
        Check.notNull("f", f, "a function");
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = f.applyAsDouble(x[i]);
        }
        return y;
    }

    /** The index of the largest value (the first one on ties); ±∞ compare as usual, NaN is refused. */
    public static int argmax(double[] y) {
        if (y == null || y.length == 0) {
            throw new IllegalArgumentException("y: expected a non-empty array, got " + (y == null ? "null" : "length 0"));
        }
        for (int i = 0; i < y.length; i++) {
            if (Double.isNaN(y[i])) {
                throw new IllegalArgumentException("y[" + i + "]: expected a number, got NaN");
            }
        }
        int best = 0;
        for (int i = 1; i < y.length; i++) {
            if (y[i] > y[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * The means of consecutive blocks of {@code window} values, m_i = (y_{iw} + … + y_{iw+w−1}) / w;
     * a last block shorter than the window is left out. The usual way to show a noisy loss curve.
     */
    public static double[] blockMeans(double[] y, int window) {
        int n = Check.nonEmpty("y", y);
        Check.atLeast("window", window, 1);
        if (window > n) {
            throw new IllegalArgumentException("window: expected at most y's length " + n + ", got " + window);
        }
        double[] means = new double[n / window];
        for (int i = 0; i < means.length; i++) {
            double sum = 0;
            for (int j = i * window; j < (i + 1) * window; j++) {
                sum += y[j];
            }
            means[i] = sum / window;
        }
        return means;
    }
}
