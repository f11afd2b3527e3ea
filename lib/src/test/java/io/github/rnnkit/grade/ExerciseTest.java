package io.github.rnnkit.grade;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExerciseTest {

    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void capture() {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aPassingCheckPrintsOneLineWithFullPointsAndNothingOnStderr() {
        Exercise.check("forward-step", 3, () -> Expect.equal(2, 1 + 1, "1 + 1"));
        assertEquals("✔ forward-step 3/3" + System.lineSeparator(), printed());
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFailingCheckThrowsWithTheExerciseWhatWasExpectedAndTheHint() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () ->
                Exercise.check("stable-sigmoid", 2, "use e^z for z < 0",
                        () -> Expect.close(0.5, 0.4, 1e-12, "sigmoid(0)")));
        assertTrue(e.getMessage().startsWith("✘ stable-sigmoid 0/2: sigmoid(0): expected 0.5, got 0.4"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Hint: use e^z for z < 0"), e.getMessage());
        assertEquals("", printed());
    }

    @Test
    void theReleasedStubFailsWithNotImplementedYetAndNoHint() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () ->
                Exercise.check("relu", 1, "a hint", () -> {
                    throw new UnsupportedOperationException("not implemented yet");
                }));
        assertTrue(e.getMessage().startsWith("✘ relu 0/1: not implemented yet."), e.getMessage());
        assertFalse(e.getMessage().contains("Hint"), e.getMessage());
    }

    @Test
    void anExceptionFromTheStudentsCodeIsNamed() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () ->
                Exercise.check("bptt", 4, () -> {
                    throw new ArrayIndexOutOfBoundsException("Index 3 out of bounds for length 3");
                }));
        assertTrue(e.getMessage().contains("your code threw ArrayIndexOutOfBoundsException: Index 3 out of bounds"),
                e.getMessage());
    }

    @Test
    void aBlankIdOrNegativePointsAreRejectedByName() {
        IllegalArgumentException id = assertThrows(IllegalArgumentException.class, () -> Exercise.check(" ", 1, () -> { }));
        assertTrue(id.getMessage().startsWith("id: expected"), id.getMessage());
        IllegalArgumentException points = assertThrows(IllegalArgumentException.class, () -> Exercise.check("x", -1, () -> { }));
        assertEquals("points: expected an integer >= 0, got -1", points.getMessage());
    }
}
