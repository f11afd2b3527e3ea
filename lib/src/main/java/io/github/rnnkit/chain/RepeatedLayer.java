package io.github.rnnkit.chain;

import io.github.rnnkit.activation.Activation;
import io.github.rnnkit.util.Check;

import java.util.ArrayList;
import java.util.List;

/**
 * One single-neuron layer repeated: the chain a_j = g(a_{j−1}) with the same weight and bias in
 * every layer, a map iterated (an RNN with one unit and no input):
 *
 * <pre>
 *   g(a) = f(w a + b),        g'(a) = w f'(w a + b)   — the factor a layer sends back
 *   fixed point a* = g(a*);   stable when |g'(a*)| &lt; 1, unstable when |g'(a*)| &gt; 1
 * </pre>
 *
 * Near a fixed point the distance to it changes by g'(a*) per layer, and the gradient is
 * multiplied by the same number: a chain that has settled at a stable fixed point has a factor
 * below 1 in size by definition (Bengio, Simard and Frasconi, 1994). With w &lt; 0, g is
 * decreasing for an increasing f, and a chain can also settle on a 2-cycle, whose two-layer factor
 * g'(a₁) g'(a₂) is then below 1 for the same reason.
 */
public final class RepeatedLayer {

    /** A fixed point a* = g(a*) and its factor g'(a*). */
    public record FixedPoint(double a, double factor) {
        /** |g'(a*)| &lt; 1: the chain settles here from nearby starts. */
        public boolean stable() {
            return Math.abs(factor) < 1;
        }
    }

    /** Grid points scanned for a sign change of g(a) − a before bisection. */
    private static final int SCAN = 10_000;

    private final Activation f;
    private final double w;
    private final double b;

    private RepeatedLayer(Activation f, double w, double b) {
        this.f = f;
        this.w = w;
        this.b = b;
    }

    /** The layer a ↦ f(w a + b). */
    public static RepeatedLayer of(Activation f, double w, double b) {
        Check.notNull("f", f, "an Activation");
        return new RepeatedLayer(f, Check.finite("w", w), Check.finite("b", b));
    }

    /** g(a) = f(w a + b). */
    public double map(double a) {
        return f.apply(w * a + b);
    }

    /** g'(a) = w f'(w a + b): the factor this layer contributes to ∂a_n/∂a_0 when its input is a. */
    public double factor(double a) {
        return w * f.derivative(w * a + b);
    }

    /**
     * The fixed points in [lo, hi], in increasing order: the sign changes of g(a) − a on a grid of
     * 10,001 points, each refined by bisection to the last bit. A fixed point where g(a) − a only
     * touches 0 (two fixed points about to merge) has no sign change and is not found.
     */
    public List<FixedPoint> fixedPoints(double lo, double hi) {
        Check.finite("lo", lo);
        Check.finite("hi", hi);
        if (!(lo < hi)) {
            throw new IllegalArgumentException("hi: expected a number > lo (" + lo + "), got " + hi);
        }
        List<FixedPoint> found = new ArrayList<>();
        double left = lo;
        double gapLeft = map(left) - left;
        for (int i = 1; i <= SCAN; i++) {
            double right = lo + (hi - lo) * i / SCAN;
            double gapRight = map(right) - right;
            if (gapLeft == 0) {
                found.add(new FixedPoint(left, factor(left)));
            } else if (gapLeft * gapRight < 0) {
                double a = bisect(left, right, gapLeft);
                found.add(new FixedPoint(a, factor(a)));
            }
            left = right;
            gapLeft = gapRight;
        }
        if (gapLeft == 0) {
            found.add(new FixedPoint(left, factor(left)));
        }
        return found;
    }

    /** a_0 … a_n: the chain run from a_0 = {@code start} through n layers. */
    public double[] run(double start, int n) {
        Check.finite("start", start);
        Check.atLeast("n", n, 0);
        double[] a = new double[n + 1];
        a[0] = start;
        for (int j = 1; j <= n; j++) {
            a[j] = map(a[j - 1]);
        }
        return a;
    }

    /**
     * The factor a chain keeps per layer once it has settled: from a_0 = {@code start}, run
     * {@code settle} layers, then the geometric mean of |g'(a_{j−1})| over the next {@code measure}.
     */
    public double settledFactor(double start, int settle, int measure) {
        Check.finite("start", start);
        Check.atLeast("settle", settle, 0);
        Check.atLeast("measure", measure, 1);
        double a = start;
        for (int j = 0; j < settle; j++) {
            a = map(a);
        }
        double logSum = 0;
        for (int j = 0; j < measure; j++) {
            logSum += Math.log(Math.abs(factor(a)));
            a = map(a);
        }
        return Math.exp(logSum / measure);
    }

    /** The root of g(a) − a in [left, right], whose value at left is {@code gapLeft} and changes sign by right. */
    private double bisect(double left, double right, double gapLeft) {
        for (int i = 0; i < 200 && left < right; i++) {
            double mid = left + (right - left) / 2;
            if (mid == left || mid == right) {
                break;
            }
            double gap = map(mid) - mid;
            if (gap == 0) {
                return mid;
            }
            if ((gap < 0) == (gapLeft < 0)) {
                left = mid;
                gapLeft = gap;
            } else {
                right = mid;
            }
        }
        return left + (right - left) / 2;
    }
}
