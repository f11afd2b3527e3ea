package io.github.rnnkit.util;

import java.util.Arrays;

/**
 * A positive result over seeds summarised by its geometric mean and its range, for results that
 * differ by factors (a gradient's size, a speed, a ratio of speeds):
 *
 * <pre>
 *   G = exp( (1/n) Σ_i ln v_i ) = (v_1 v_2 ⋯ v_n)^(1/n),     min_i v_i ≤ G ≤ max_i v_i
 * </pre>
 *
 * The mean of the logarithms is taken with compensated summation ({@link java.util.stream.DoubleStream#average()}).
 *
 * @param n     how many values
 * @param value G
 * @param min   the smallest value
 * @param max   the largest value
 */
public record GeometricMean(int n, double value, double min, double max) {

    /** The geometric mean and range of {@code values}, every one &gt; 0 (left unchanged). */
    public static GeometricMean of(double[] values) {
        Check.nonEmpty("values", values);
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] > 0) || values[i] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("values[" + i + "]: expected a finite number > 0, got " + values[i]);
            }
        }
        double logMean = Arrays.stream(values).map(Math::log).average().getAsDouble();
        return new GeometricMean(values.length, Math.exp(logMean), Arrays.stream(values).min().getAsDouble(),
                Arrays.stream(values).max().getAsDouble());
    }

    /** "G (min–max)", G in {@code format} and the range in {@code rangeFormat}: "0.0131 (0.011–0.016)". */
    public String toString(String format, String rangeFormat) {
        Check.notNull("format", format, "a format such as \"%.3g\"");
        Check.notNull("rangeFormat", rangeFormat, "a format such as \"%.2g\"");
        return String.format(format + " (" + rangeFormat + "–" + rangeFormat + ")", value, min, max);
    }

    @Override
    public String toString() {
        return toString("%.3g", "%.2g");
    }
}
