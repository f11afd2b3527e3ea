package io.github.rnnkit.util;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers as people read them in tables, legends and axis labels. */
public final class Format {

    private Format() {
    }

    /**
     * Six significant digits, in plain notation between 1e-4 and 1e6 and in scientific notation
     * outside it, so that 0.25 stays 0.25 and 8.1e-28 does not become a row of zeros.
     */
    public static String number(double x) {
        if (x == 0 || !Double.isFinite(x)) {
            return x == 0 ? "0" : String.valueOf(x);
        }
        double magnitude = Math.abs(x);
        if (magnitude >= 1e-4 && magnitude < 1e6) {
            return new BigDecimal(x).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        }
        return String.format("%.5e", x).replaceAll("\\.?0+e", "e");
    }

    /**
     * The mean of some results and their range, "mean (min–max)", each number in {@code format}
     * ("%.4f", "%.2g", …): how a result over several seeds is reported. NaN entries (a run that
     * diverged) count as NaN, so they cannot hide.
     */
    public static String meanAndRange(double[] values, String format) {
        Check.nonEmpty("values", values);
        Check.notNull("format", format, "a format such as \"%.4f\"");
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return String.format(format + " (" + format + "–" + format + ")", sum / values.length, min, max);
    }
}
