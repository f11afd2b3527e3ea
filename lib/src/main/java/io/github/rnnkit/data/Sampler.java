package io.github.rnnkit.data;

import io.github.rnnkit.rnn.Forward;
import io.github.rnnkit.rnn.Rnn;
import io.github.rnnkit.util.Check;

import java.util.Random;

/**
 * Text from a character-level RNN: feed a character, draw the next from p_t = softmax(o_t), feed
 * that one back, and so on, carrying h_t from step to step. The same seed gives the same text.
 */
public final class Sampler {

    private Sampler() {
    }

    /** n characters following {@code first}. */
    public static String sample(Rnn rnn, Vocabulary vocabulary, char first, int n, long seed) {
        Check.atLeast("n", n, 1);
        if (rnn == null || vocabulary == null) {
            throw new IllegalArgumentException((rnn == null ? "rnn" : "vocabulary") + ": expected a value, got null");
        }
        if (rnn.params().inputSize() != vocabulary.size() || rnn.params().outputSize() != vocabulary.size()) {
            throw new IllegalArgumentException("rnn: expected D = K = " + vocabulary.size() + " (the vocabulary's size), got D = "
                    + rnn.params().inputSize() + ", K = " + rnn.params().outputSize());
        }
        int current = vocabulary.indexOf(first);
        if (current < 0) {
            throw vocabulary.outside("first", first);
        }
        Random rng = new Random(seed);
        double[] h = null;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Forward step = rnn.forward(new double[][] {vocabulary.oneHot(current)}, h);
            h = step.hs()[0];
            current = draw(step.probs()[0], rng);
            text.append(vocabulary.charAt(current));
        }
        return text.toString();
    }

    private static int draw(double[] p, Random rng) {
        double u = rng.nextDouble();
        double cumulative = 0;
        for (int k = 0; k < p.length; k++) {
            cumulative += p[k];
            if (u < cumulative) {
                return k;
            }
        }
        return p.length - 1;
    }
}
