package io.github.rnnkit.grade;

import io.github.rnnkit.util.Check;
import io.github.rnnkit.util.Matrices;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;

import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The assertions exercise checks are written with: each failure is JUnit's (opentest4j's)
 * {@link AssertionFailedError}, whose message says what was checked, what was expected and what came. Numbers are compared by
 * the relative error of CS231n's gradient checks,
 *
 * <pre>
 *   rel(x, y) = max_i |x_i − y_i| / max(1e-8, |x_i| + |y_i|)
 * </pre>
 *
 * which is scale-free for large values and falls back to an absolute test near zero.
 */
public final class Expect {

    private Expect() {
    }

    /** max_i |x_i − y_i| / max(1e-8, |x_i| + |y_i|); NaN anywhere gives NaN. */
    public static double relativeError(double[] x, double[] y) {
        sameLength("x", x, "y", y);
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            double r = Matrices.relativeError(x[i], y[i]);
            if (Double.isNaN(r)) {
                return Double.NaN;
            }
            worst = Math.max(worst, r);
        }
        return worst;
    }

    /** The relative error of two scalars. */
    public static double relativeError(double x, double y) {
        return relativeError(new double[] {x}, new double[] {y});
    }

    /** The relative error of two matrices of the same shape. */
    public static double relativeError(double[][] x, double[][] y) {
        sameLength("x", x, "y", y);
        for (int i = 0; i < x.length; i++) {
            sameLength("x[" + i + "]", x[i], "y[" + i + "]", y[i]);
        }
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            double r = relativeError(x[i], y[i]);
            if (Double.isNaN(r)) {
                return Double.NaN;
            }
            worst = Math.max(worst, r);
        }
        return worst;
    }

    /** {@code actual} within relative error {@code tolerance} of {@code expected}. */
    public static void close(double expected, double actual, double tolerance, String what) {
        Check.finite("expected", expected);
        Check.nonNegative("tolerance", tolerance);
        double r = relativeError(expected, actual);
        holds(r <= tolerance, () -> what + ": expected " + expected + ", got " + actual
                + " (relative error " + String.format("%.2e", r) + " > " + tolerance + ")");
    }

    /** Arrays of the same length, element-wise within relative error {@code tolerance}. */
    public static void close(double[] expected, double[] actual, double tolerance, String what) {
        Check.vector("expected", expected);
        Check.nonNegative("tolerance", tolerance);
        holds(actual != null, () -> what + ": expected an array, got null");
        holds(expected.length == actual.length, () -> what + ": expected length " + expected.length
                + ", got length " + actual.length);
        double r = relativeError(expected, actual);
        holds(r <= tolerance, () -> what + ": expected " + Arrays.toString(expected)
                + ", got " + Arrays.toString(actual) + " (relative error " + String.format("%.2e", r)
                + " > " + tolerance + ")");
    }

    /** Matrices of the same shape, element-wise within relative error {@code tolerance}. */
    public static void close(double[][] expected, double[][] actual, double tolerance, String what) {
        int rows = Check.rows("expected", expected);
        for (int i = 0; i < rows; i++) {
            Check.vector("expected[" + i + "]", expected[i]);
        }
        Check.nonNegative("tolerance", tolerance);
        holds(actual != null, () -> what + ": expected a matrix, got null");
        holds(expected.length == actual.length, () -> what + ": expected " + expected.length
                + " rows, got " + actual.length);
        for (int i = 0; i < expected.length; i++) {
            close(expected[i], actual[i], tolerance, what + " row " + i);
        }
    }

    /** Exact equality, for counts, indices, strings and exact floating-point cases. */
    public static void equal(Object expected, Object actual, String what) {
        holds(Objects.equals(expected, actual), () -> what + ": expected " + expected + ", got " + actual);
    }

    /** A finite number: not NaN, not infinite. */
    public static void finite(double actual, String what) {
        holds(Double.isFinite(actual), () -> what + ": expected a finite number, got " + actual);
    }

    /** A condition, with a message saying what should have held. */
    public static void that(boolean condition, String whatShouldHold) {
        holds(condition, () -> "expected " + whatShouldHold + ", but it did not hold");
    }

    /** The call throws an IllegalArgumentException whose message mentions {@code mention}. */
    public static void rejects(Executable call, String mention, String what) {
        Check.notNull("call", call, "the call to try");
        Check.notNull("mention", mention, "a word the message should hold");
        String message;
        try {
            call.execute();
            message = null;
        } catch (IllegalArgumentException e) {
            message = String.valueOf(e.getMessage());
        } catch (Throwable t) {
            String thrown = t.getClass().getSimpleName();
            throw new AssertionFailedError(what + ": expected an IllegalArgumentException, got " + thrown, t);
        }
        holds(message != null, () -> what + ": expected an IllegalArgumentException, but nothing was thrown");
        String said = message;
        holds(said.contains(mention), () -> what + ": expected the message to mention '" + mention + "', got '" + said + "'");
    }

    /** A failed check says only what was checked, expected and came (no JUnit suffix to read past). */
    private static void holds(boolean condition, Supplier<String> message) {
        if (!condition) {
            throw new AssertionFailedError(message.get());
        }
    }

    /** x and y: arrays (of numbers or of rows) of the same length. */
    private static void sameLength(String xName, Object x, String yName, Object y) {
        Check.notNull(xName, x, "an array");
        Check.notNull(yName, y, "an array");
        if (Array.getLength(x) != Array.getLength(y)) {
            throw new IllegalArgumentException(yName + ": expected length " + Array.getLength(x) + " (the length of "
                    + xName + "), got length " + Array.getLength(y));
        }
    }
}
