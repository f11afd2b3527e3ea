package io.github.rnnkit.data;

import io.github.rnnkit.rnn.Example;
import io.github.rnnkit.util.Check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The copy task (Hochreiter and Schmidhuber, 1997; Arjovsky et al., 2016): read n symbols, wait
 * through a delay of blanks, and after a "go" marker write the n symbols back. Inputs and targets
 * are one-hot over k symbols plus two extra classes, blank (index k) and go (index k+1); every
 * step has a target class (blank everywhere but the last n steps). A network that always answers
 * blank gets the last n steps wrong, so memory across the delay is the whole task.
 */
public final class CopyTask {

    private CopyTask() {
    }

    /** The index of the blank class for an alphabet of k symbols. */
    public static int blank(int symbols) {
        Check.atLeast("symbols", symbols, 1);
        return symbols;
    }

    /** The index of the go marker for an alphabet of k symbols. */
    public static int go(int symbols) {
        Check.atLeast("symbols", symbols, 1);
        return symbols + 1;
    }

    /** {@code count} examples with {@code length} symbols from {@code symbols} and {@code delay} blanks. */
    public static List<Example> examples(int count, int symbols, int length, int delay, long seed) {
        Check.atLeast("count", count, 1);
        Check.atLeast("symbols", symbols, 1);
        Check.atLeast("length", length, 1);
        Check.atLeast("delay", delay, 0);
        if (2L * length + delay + 1 > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("delay: expected 2·length + delay + 1 steps to fit in an int, got "
                    + (2L * length + delay + 1) + " steps for length " + length);
        }
        Random rng = new Random(seed);
        List<Example> out = new ArrayList<>(count);
        for (int e = 0; e < count; e++) {
            out.add(example(rng, symbols, length, delay));
        }
        return List.copyOf(out);
    }

    private static Example example(Random rng, int symbols, int length, int delay) {
        int steps = 2 * length + delay + 1;
        int classes = symbols + 2;
        int[] input = new int[steps];
        int[] target = new int[steps];
        Arrays.fill(input, blank(symbols));
        Arrays.fill(target, blank(symbols));
        for (int i = 0; i < length; i++) {
            int s = rng.nextInt(symbols);
            input[i] = s;
            target[length + delay + 1 + i] = s;
        }
        input[length + delay] = go(symbols);
        double[][] xs = new double[steps][classes];
        for (int t = 0; t < steps; t++) {
            xs[t][input[t]] = 1;
        }
        return Example.perStep(xs, target);
    }
}
