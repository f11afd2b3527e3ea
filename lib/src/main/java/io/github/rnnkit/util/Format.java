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
}
