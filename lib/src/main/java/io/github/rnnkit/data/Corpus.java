package io.github.rnnkit.data;

/**
 * A small built-in English text for character-level experiments: about 1,650 characters and 51 distinct ones, written
 * for this kit, on the subject of the kit.
 */
public final class Corpus {

    private Corpus() {
    }

    /** The text. */
    public static final String TEXT = String.join("\n",
            "A recurrent network reads a sequence one step at a time. At every step it mixes the new",
            "input with a memory of everything it has read so far, and it uses the same weights at",
            "every step. This sharing is what lets it read a sequence of any length.",
            "To learn, the network compares what it predicted with what came next, and sends the",
            "error back through every step it took. This is called backpropagation through time.",
            "Each step back multiplies the error by the slope of the activation and by the weights.",
            "A long product of small numbers becomes tiny very quickly, and the early steps stop",
            "learning: the gradient vanishes. A long product of large numbers grows without bound,",
            "and one step of training can throw the weights far away: the gradient explodes.",
            "The slope of the sigmoid is never more than 1/4. The slope of tanh is never more than 1.",
            "The slope of ReLU is 0 or 1, so the weights alone decide the size of the product.",
            "Why does that matter? Take 30 steps with a factor of 0.5 each: the product is about",
            "0.000000001, and the first steps learn nothing. Take 30 steps with a factor of 2: the",
            "product is about 1,000,000,000, and training jumps off a cliff!",
            "When the gradient explodes, a simple cure is to clip it: if its length is larger than a",
            "threshold, shrink it to that length and keep its direction. When it vanishes, the cure",
            "is a better path for the error to travel (such as the cell of a long short-term memory,",
            "whose gates decide what to keep, what to forget and what to show).",
            "The best way to understand all of this is to compute it, plot it, and check it; which",
            "is what these notebooks do, one small step at a time, with numbers you can trust.",
            "");
}
