package io.github.rnnkit.testing;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A table of bad calls, each expected to fail with an {@link IllegalArgumentException} whose
 * message names the argument, says what was expected and what came:
 * {@code "<argument>...: expected <...>, got <...>"} plus any further words a row asks for.
 * One dynamic test per row, named as a sentence: "Rnn.forward rejects xs with a short row".
 */
public final class BadInput {

    private final List<DynamicTest> rows = new ArrayList<>();

    private BadInput() {
    }

    public static BadInput table() {
        return new BadInput();
    }

    /**
     * A row: {@code call} must throw an IllegalArgumentException whose message starts with
     * {@code argument} and holds "expected", "got" and every word of {@code mentions}.
     */
    public BadInput row(String method, String badInput, String argument, Executable call, String... mentions) {
        rows.add(DynamicTest.dynamicTest(method + " rejects " + badInput, () -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call,
                    method + " accepted " + badInput);
            String message = e.getMessage();
            assertTrue(message != null && message.startsWith(argument),
                    "the message should start with the argument's name '" + argument + "', got: " + message);
            // searched after the name, since an argument may itself be called "expected"
            int expected = message.indexOf("expected", argument.length());
            assertTrue(expected > 0 && message.indexOf("got", expected) > expected,
                    "the message should say what was expected, then what came ('expected … got …'), got: " + message);
            for (String word : mentions) {
                assertTrue(message.contains(word), "the message should mention '" + word + "', got: " + message);
            }
        }));
        return this;
    }

    public Stream<DynamicTest> tests() {
        return rows.stream();
    }
}
