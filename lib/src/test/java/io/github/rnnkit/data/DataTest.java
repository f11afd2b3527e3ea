package io.github.rnnkit.data;

import io.github.rnnkit.core.Example;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataTest {

    @Test
    void encodingThenDecodingGivesTheTextBack() {
        Vocabulary v = Vocabulary.of(Corpus.TEXT);
        assertEquals(Corpus.TEXT, v.decode(v.encode(Corpus.TEXT)));
    }

    @Test
    void theVocabularyIsSortedAndOneHotVectorsHaveASingleOne() {
        Vocabulary v = Vocabulary.of("hello");
        assertEquals("ehlo", v.decode(new int[] {0, 1, 2, 3}));
        assertArrayEquals(new double[] {0, 0, 1, 0}, v.oneHot(2));
    }

    @Test
    void aCharacterOutsideTheVocabularyIsRejectedWithItsPosition() {
        Vocabulary v = Vocabulary.of("abc");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.encode("abzc"));
        assertTrue(e.getMessage().startsWith("text[2]: expected a character of the vocabulary \"abc\", got 'z'"), e.getMessage());
    }

    @Test
    void aWindowPredictsTheNextCharacter() {
        Vocabulary v = Vocabulary.of("abcd");
        Example e = v.window("abcd", 0, 3);
        assertArrayEquals(new double[] {1, 0, 0, 0}, e.xs()[0]);
        assertEquals(3, e.xs().length);
    }

    @Test
    void theBuiltInCorpusHasAboutFiftyCharacters() {
        int size = Vocabulary.of(Corpus.TEXT).size();
        assertTrue(size >= 40 && size <= 60, "vocabulary size " + size);
    }

    @Test
    void alwaysAnsweringOneScoresAboutOneSixth() {
        List<Example> examples = AddingProblem.examples(100_000, 10, 42);
        assertEquals(1.0 / 6, AddingProblem.constantAnswerMse(examples, 1), 0.003);
    }

    @Test
    void everyAddingExampleHasExactlyTwoMarkers() {
        for (Example e : AddingProblem.examples(200, 5, 1)) {
            double markers = 0;
            for (double[] x : e.xs()) {
                markers += x[1];
                assertTrue(x[0] >= 0 && x[0] < 1);
            }
            assertEquals(2, markers);
        }
    }

    @Test
    void theSameSeedGivesTheSameExamples() {
        assertArrayEquals(AddingProblem.examples(3, 8, 7).get(2).xs(), AddingProblem.examples(3, 8, 7).get(2).xs());
        assertNotEquals(AddingProblem.target(AddingProblem.examples(1, 8, 7).get(0)),
                AddingProblem.target(AddingProblem.examples(1, 8, 8).get(0)));
    }
}
