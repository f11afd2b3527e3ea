package io.github.rnnkit.data;

import io.github.rnnkit.core.Example;
import io.github.rnnkit.testing.BadInput;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

class DataBadInputTest {

    @TestFactory
    Stream<DynamicTest> everyPublicMethodRejectsBadInput() {
        Vocabulary v = Vocabulary.of("abc");
        Example adding = AddingProblem.examples(1, 4, 1).get(0);
        Example oneHot = Example.perStep(new double[][] {{1, 0, 0}, {0, 1, 0}}, new int[] {1, 2});
        Example threeMarks = Example.lastStep(new double[][] {{0.1, 1}, {0.2, 1}, {0.3, 1}}, new double[] {0.6});
        Example halfMark = Example.lastStep(new double[][] {{0.1, 1}, {0.2, 0.5}, {0.3, 1}}, new double[] {0.4});
        return BadInput.table()
                .row("Vocabulary.of", "a null text", "text", () -> Vocabulary.of(null), "null")
                .row("Vocabulary.of", "an empty text", "text", () -> Vocabulary.of(""), "at least one character", "\"\"")
                .row("Vocabulary.charAt", "a negative index", "i", () -> v.charAt(-1), "[0, 2]", "-1")
                .row("Vocabulary.charAt", "an index past the vocabulary", "i", () -> v.charAt(3), "[0, 2]", "3")
                .row("Vocabulary.encode", "a null text", "text", () -> v.encode(null), "null")
                .row("Vocabulary.encode", "a character outside the vocabulary", "text[2]",
                        () -> v.encode("abzc"), "\"abc\"", "'z'", "U+007A")
                .row("Vocabulary.decode", "null indices", "indices", () -> v.decode(null), "null")
                .row("Vocabulary.decode", "an index past the vocabulary", "indices[1]",
                        () -> v.decode(new int[] {0, 3}), "[0, 2]", "3")
                .row("Vocabulary.decode", "a negative index", "indices[0]", () -> v.decode(new int[] {-1}), "[0, 2]", "-1")
                .row("Vocabulary.oneHot(int)", "an index past the vocabulary", "i", () -> v.oneHot(3), "[0, 2]", "3")
                .row("Vocabulary.oneHot(int)", "a negative index", "i", () -> v.oneHot(-1), "[0, 2]", "-1")
                .row("Vocabulary.oneHot(String)", "a null text", "text", () -> v.oneHot(null), "null")
                .row("Vocabulary.oneHot(String)", "a character outside the vocabulary", "text[1]",
                        () -> v.oneHot("ax"), "\"abc\"", "'x'")
                .row("Vocabulary.window", "a null text", "text", () -> v.window(null, 0, 2), "null")
                .row("Vocabulary.window", "a text too short for the steps", "text",
                        () -> v.window("abc", 0, 3), "4 characters", "3 steps", "got 3 characters")
                .row("Vocabulary.window", "zero steps", "steps", () -> v.window("abc", 0, 0), ">= 1", "0")
                .row("Vocabulary.window", "a negative start", "start", () -> v.window("abcabc", -1, 3), "<= 2", "-1")
                .row("Vocabulary.window", "a start too late for the steps", "start",
                        () -> v.window("abcabc", 3, 3), "<= 2", "4 characters", "got 3")
                .row("Vocabulary.window", "a character outside the vocabulary, named by its place in the text", "text[3]",
                        () -> v.window("abcxabc", 1, 3), "\"abc\"", "'x'")
                .row("AddingProblem.mse", "a null network", "network", () -> AddingProblem.mse(null, AddingProblem.examples(1, 3, 1)), "null")
                .row("AddingProblem.mse", "no examples", "examples", () -> AddingProblem.mse(new io.github.rnnkit.rnn.Rnn(io.github.rnnkit.rnn.Init.uniform(2, 2, 1, 1), io.github.rnnkit.activation.Activations.TANH), List.of()), "none")
                .row("AddingProblem.examples", "zero examples", "n", () -> AddingProblem.examples(0, 10, 1), ">= 1", "0")
                .row("AddingProblem.examples", "one step, too few for two markers", "steps",
                        () -> AddingProblem.examples(5, 1, 1), ">= 2", "1")
                .row("AddingProblem.target", "a null example", "e", () -> AddingProblem.target(null), "null")
                .row("AddingProblem.target", "a one-hot example", "e", () -> AddingProblem.target(oneHot), "(u, m)", "step 0")
                .row("AddingProblem.target", "a marker that is neither 0 nor 1", "e",
                        () -> AddingProblem.target(halfMark), "[0.2, 0.5]", "step 1")
                .row("AddingProblem.target", "three marked steps", "e",
                        () -> AddingProblem.target(threeMarks), "exactly 2 marked steps", "got 3")
                .row("AddingProblem.constantAnswerMse", "null examples", "examples",
                        () -> AddingProblem.constantAnswerMse(null, 1), "at least one example")
                .row("AddingProblem.constantAnswerMse", "no examples", "examples",
                        () -> AddingProblem.constantAnswerMse(List.of(), 1), "at least one example", "none")
                .row("AddingProblem.constantAnswerMse", "a null example", "examples[1]",
                        () -> AddingProblem.constantAnswerMse(Arrays.asList(adding, null), 1), "null")
                .row("AddingProblem.constantAnswerMse", "a one-hot example", "examples[1]",
                        () -> AddingProblem.constantAnswerMse(List.of(adding, oneHot), 1), "(u, m)")
                .row("AddingProblem.constantAnswerMse", "a NaN constant", "constant",
                        () -> AddingProblem.constantAnswerMse(List.of(adding), Double.NaN), "finite", "NaN")
                .tests();
    }
}
