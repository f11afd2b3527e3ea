package io.github.rnnkit.grade;

import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;

/**
 * One graded exercise check, as a notebook's locked test cell runs it:
 *
 * <pre>{@code
 * Exercise.check("stable-sigmoid", 2, "for z < 0 use e^z / (1 + e^z)", () -> {
 *     Expect.close(0.5, sigmoid(0), 1e-12, "sigmoid(0)");
 *     Expect.finite(sigmoid(-800), "sigmoid(-800)");
 * });
 * }</pre>
 *
 * On success it prints one line, {@code ✔ stable-sigmoid 2/2}, to standard output. On failure it
 * throws an {@link AssertionFailedError}, so the cell shows an error (nbgrader and {@code ./kit
 * grade} score a test cell by whether it raised), whose message names the exercise, what was
 * expected and what came, and the hint. A solution still holding its stub fails with
 * "not implemented yet". Nothing is ever written to standard error.
 */
public final class Exercise {

    /** The message the released stub throws; a check that meets it says so plainly. */
    public static final String NOT_IMPLEMENTED = "not implemented yet";

    private Exercise() {
    }

    /** Runs the checks of exercise {@code id} worth {@code points}, with no hint. */
    public static void check(String id, int points, Executable checks) {
        check(id, points, null, checks);
    }

    /** Runs the checks of exercise {@code id} worth {@code points}; {@code hint} is shown on failure. */
    public static void check(String id, int points, String hint, Executable checks) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id: expected an exercise id such as \"forward-step\", got "
                    + (id == null ? "null" : "\"" + id + "\""));
        }
        if (points < 0) {
            throw new IllegalArgumentException("points: expected an integer >= 0, got " + points);
        }
        if (checks == null) {
            throw new IllegalArgumentException("checks: expected the checks to run, got null");
        }
        try {
            checks.execute();
        } catch (Throwable t) {
            throw new AssertionFailedError(failure(id, points, hint, t), t);
        }
        System.out.println("✔ " + id + " " + points + "/" + points);
    }

    private static String failure(String id, int points, String hint, Throwable t) {
        String head = "✘ " + id + " 0/" + points + ": ";
        if (notImplemented(t)) {
            return head + NOT_IMPLEMENTED + ". Replace the throw statement in the solution cell above with your code.";
        }
        String what = t instanceof AssertionError
                ? t.getMessage()
                : "your code threw " + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return head + what + (hint == null || hint.isBlank() ? "" : "\nHint: " + hint);
    }

    private static boolean notImplemented(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UnsupportedOperationException && NOT_IMPLEMENTED.equals(c.getMessage())) {
                return true;
            }
        }
        return false;
    }
}
