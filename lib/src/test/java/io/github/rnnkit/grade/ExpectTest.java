package io.github.rnnkit.grade;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExpectTest {

    @Test
    void relativeErrorFollowsTheCs231nFormula() {
        assertEquals(1.0 / 3.0, Expect.relativeError(1.0, 2.0), 1e-15);
        assertEquals(0.0, Expect.relativeError(new double[] {0, 5}, new double[] {0, 5}));
        assertEquals(1e-9 / 1e-8, Expect.relativeError(0.0, 1e-9), 1e-15);
    }

    @Test
    void relativeErrorIsTheWorstEntryOfAMatrix() {
        double[][] a = {{1, 1}, {1, 1}};
        double[][] b = {{1, 1}, {1, 3}};
        assertEquals(0.5, Expect.relativeError(a, b), 1e-15);
    }

    @Test
    void relativeErrorIsNanWhenEitherSideIsNan() {
        assertTrue(Double.isNaN(Expect.relativeError(new double[] {1, Double.NaN}, new double[] {1, 2})));
    }

    @Test
    void relativeErrorRejectsArraysOfDifferentLengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Expect.relativeError(new double[2], new double[3]));
        assertEquals("y: expected length 2 (the length of x), got length 3", e.getMessage());
    }

    @Test
    void closeAcceptsValuesWithinTheToleranceAndRejectsOthers() {
        assertDoesNotThrow(() -> Expect.close(1.0, 1.0 + 1e-13, 1e-12, "x"));
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> Expect.close(1.0, 1.1, 1e-12, "x"));
        assertTrue(e.getMessage().startsWith("x: expected 1.0, got 1.1 (relative error 4.76e-02 > 1.0E-12)"), e.getMessage());
    }

    @Test
    void closeOnArraysNamesALengthMismatch() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> Expect.close(new double[] {1, 2}, new double[] {1}, 1e-9, "hs[0]"));
        assertTrue(e.getMessage().startsWith("hs[0]: expected length 2, got length 1"), e.getMessage());
    }

    @Test
    void closeOnMatricesNamesTheRowThatDiffers() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> Expect.close(new double[][] {{1}, {2}}, new double[][] {{1}, {3}}, 1e-9, "dW"));
        assertTrue(e.getMessage().startsWith("dW row 1: expected [2.0], got [3.0]"), e.getMessage());
    }

    @Test
    void closeRejectsNullResults() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> Expect.close(new double[] {1}, null, 1e-9, "probs"));
        assertTrue(e.getMessage().startsWith("probs: expected an array, got null"), e.getMessage());
    }

    @Test
    void finiteRejectsNanAndInfinity() {
        assertThrows(AssertionFailedError.class, () -> Expect.finite(Double.NaN, "s"));
        assertThrows(AssertionFailedError.class, () -> Expect.finite(Double.POSITIVE_INFINITY, "s"));
        assertDoesNotThrow(() -> Expect.finite(-800, "s"));
    }

    @Test
    void rejectsNeedsAnIllegalArgumentExceptionMentioningTheArgument() {
        assertDoesNotThrow(() -> Expect.rejects(() -> {
            throw new IllegalArgumentException("limit: expected a number >= 0, got -1");
        }, "limit", "byValue(g, -1)"));
        AssertionFailedError quiet = assertThrows(AssertionFailedError.class,
                () -> Expect.rejects(() -> { }, "limit", "byValue(g, -1)"));
        assertTrue(quiet.getMessage().startsWith("byValue(g, -1): expected an IllegalArgumentException"), quiet.getMessage());
        AssertionFailedError vague = assertThrows(AssertionFailedError.class, () -> Expect.rejects(() -> {
            throw new IllegalArgumentException("bad");
        }, "limit", "byValue(g, -1)"));
        assertTrue(vague.getMessage().contains("expected the message to mention 'limit', got 'bad'"), vague.getMessage());
    }

    @Test
    void thatReportsWhatShouldHaveHeld() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> Expect.that(false, "norm <= 5"));
        assertTrue(e.getMessage().startsWith("expected norm <= 5, but it did not hold"), e.getMessage());
    }

    @Test
    void aFailureSaysWhatWasCheckedExpectedAndCameAndNothingElse() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> Expect.close(1.0, 1.1, 1e-12, "x"));
        assertEquals("x: expected 1.0, got 1.1 (relative error 4.76e-02 > 1.0E-12)", e.getMessage());
        AssertionFailedError equal = assertThrows(AssertionFailedError.class, () -> Expect.equal(2, 3, "count"));
        assertEquals("count: expected 2, got 3", equal.getMessage());
    }

    @Test
    void rejectsNamesAnExceptionOfTheWrongKind() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> Expect.rejects(() -> {
            throw new IllegalStateException("limit");
        }, "limit", "clip(g, -1)"));
        assertEquals("clip(g, -1): expected an IllegalArgumentException, got IllegalStateException", e.getMessage());
    }
}
