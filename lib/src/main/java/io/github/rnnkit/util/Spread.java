package io.github.rnnkit.util;

import java.util.Arrays;

/**
 * How a result spreads over seeds: the median and the 10–90 % range, with the extremes. The
 * q-quantile of n sorted values v_0 ≤ … ≤ v_{n−1} interpolates linearly between order statistics
 * (numpy's default):
 *
 * <pre>
 *   h = (n − 1) q,   Q(q) = v_⌊h⌋ + (h − ⌊h⌋) (v_⌊h⌋+1 − v_⌊h⌋)
 * </pre>
 *
 * A NaN (a run that diverged) sorts above every number and is counted, so it cannot hide:
 * {@link #toString(String)} names how many there were.
 *
 * @param n      how many values
 * @param median Q(0.5)
 * @param p10    Q(0.1)
 * @param p90    Q(0.9)
 * @param min    Q(0)
 * @param max    Q(1)
 * @param nans   how many values were NaN
 */
public record Spread(int n, double median, double p10, double p90, double min, double max, int nans) {

    /** The spread of {@code values} (left unchanged). */
    public static Spread of(double[] values) {
        Check.nonEmpty("values", values);
        double[] v = values.clone();
        Arrays.sort(v);
        int nans = 0;
        for (double x : v) {
            nans += Double.isNaN(x) ? 1 : 0;
        }
        return new Spread(v.length, sorted(v, 0.5), sorted(v, 0.1), sorted(v, 0.9), v[0], v[v.length - 1], nans);
    }

    /** Q(q) of {@code values} (left unchanged), for q in [0, 1]. */
    public static double quantile(double[] values, double q) {
        Check.nonEmpty("values", values);
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("q: expected a fraction in [0, 1], got " + q);
        }
        double[] v = values.clone();
        Arrays.sort(v);
        return sorted(v, q);
    }

    /** The share of {@code values} for which {@code x > threshold} (NaN never counts). */
    public static double shareAbove(double[] values, double threshold) {
        Check.nonEmpty("values", values);
        int above = 0;
        for (double x : values) {
            above += x > threshold ? 1 : 0;
        }
        return above / (double) values.length;
    }

    /** "median (p10–p90)", each number in {@code format} ("%.3g", …), then "; k of n NaN" if any were. */
    public String toString(String format) {
        Check.notNull("format", format, "a format such as \"%.3g\"");
        String s = String.format(format + " (" + format + "–" + format + ")", median, p10, p90);
        return nans == 0 ? s : s + "; " + nans + " of " + n + " NaN";
    }

    @Override
    public String toString() {
        return toString("%.3g");
    }

    private static double sorted(double[] v, double q) {
        double h = (v.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, v.length - 1);
        double frac = h - lo;
        return frac == 0 ? v[lo] : v[lo] + frac * (v[hi] - v[lo]);
    }
}
