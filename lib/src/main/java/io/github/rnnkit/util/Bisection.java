package io.github.rnnkit.util;

import java.util.function.DoubleUnaryOperator;

/**
 * The point where a continuous function changes sign, found by bisection: with f(lo) and f(hi) of
 * opposite signs, keep the half of [lo, hi] whose ends still differ in sign,
 *
 * <pre>
 *   m = (lo + hi)/2;   lo ← m if sign f(m) = sign f(lo), else hi ← m,
 * </pre>
 *
 * {@value #HALVINGS} times, which leaves an interval as narrow as two neighbouring doubles. It needs
 * no derivative, so a lesson can find where two measured curves cross (tanh' = σ') or where a
 * state flips (h_T = 0 across a cliff) from the functions alone.
 */
public final class Bisection {

    /** Enough halvings to shrink any finite interval of doubles to adjacent numbers. */
    static final int HALVINGS = 200;

    private Bisection() {
    }

    /**
     * The x in [lo, hi] where {@code f} changes sign, the middle of the last interval: f(lo) and f(hi)
     * must be of opposite signs (a value of exactly 0 counts as negative).
     */
    public static double root(DoubleUnaryOperator f, double lo, double hi) {
        Check.notNull("f", f, "a function of one variable");
        Check.finite("lo", lo);
        Check.finite("hi", hi);
        if (!(lo < hi)) {
            throw new IllegalArgumentException("hi: expected a number above lo = " + lo + ", got " + hi);
        }
        boolean lowSign = f.applyAsDouble(lo) > 0;
        if ((f.applyAsDouble(hi) > 0) == lowSign) {
            throw new IllegalArgumentException("f: expected f(lo) and f(hi) of opposite signs, got f(" + lo + ") = "
                    + f.applyAsDouble(lo) + " and f(" + hi + ") = " + f.applyAsDouble(hi));
        }
        for (int i = 0; i < HALVINGS; i++) {
            double mid = (lo + hi) / 2;
            if ((f.applyAsDouble(mid) > 0) == lowSign) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
