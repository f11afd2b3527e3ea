package io.github.rnnkit.util;

import io.github.rnnkit.testing.BadInput;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BisectionTest {

    @Test
    void theRootOfXSquaredMinusTwoIsTheSquareRootOfTwo() {
        assertEquals(Math.sqrt(2), Bisection.root(x -> x * x - 2, 0, 2), 1e-15);
    }

    @Test
    void aFallingFunctionIsFoundAsWellAsARisingOne() {
        assertEquals(Math.PI / 2, Bisection.root(Math::cos, 0, 3), 1e-15);
    }

    @Test
    void theSlopesOfTanhAndTheSigmoidCrossWhereTheClosedFormSays() {
        // tanh'(z) = σ'(z) ⇔ cosh z = 2 cosh(z/2) ⇔ z = 2 arcosh((1 + √3)/2)
        double c = (1 + Math.sqrt(3)) / 2, closedForm = 2 * Math.log(c + Math.sqrt(c * c - 1));
        double root = Bisection.root(z -> 1 / Math.pow(Math.cosh(z), 2) - 1 / (4 * Math.pow(Math.cosh(z / 2), 2)), 0.5, 5);
        assertEquals(closedForm, root, 1e-12);
    }

    @Test
    void aStepIsLocatedToTheNeighbouringDoubles() {
        double jump = 0.1234567;
        double root = Bisection.root(x -> x < jump ? -1 : 1, -10, 10);
        assertTrue(Math.abs(root - jump) <= 2 * Math.ulp(jump), "root " + root + " against the jump at " + jump);
    }

    @TestFactory
    Stream<DynamicTest> badInputIsNamed() {
        return BadInput.table()
                .row("Bisection.root", "no change of sign", "f", () -> Bisection.root(x -> x * x + 1, -1, 1), "opposite signs")
                .row("Bisection.root", "an empty interval", "hi", () -> Bisection.root(x -> x, 1, 1), "above lo")
                .row("Bisection.root", "an infinite end", "lo", () -> Bisection.root(x -> x, Double.NEGATIVE_INFINITY, 1), "Infinity")
                .row("Bisection.root", "a null function", "f", () -> Bisection.root(null, 0, 1), "null")
                .tests();
    }
}
