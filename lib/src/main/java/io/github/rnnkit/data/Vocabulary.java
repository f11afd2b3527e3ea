package io.github.rnnkit.data;

import io.github.rnnkit.core.Example;
import io.github.rnnkit.util.Check;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * The characters of a text, in sorted order, each with an index 0..V−1 and a one-hot vector
 * e_i ∈ {0, 1}^V. For next-character prediction a window of T characters gives inputs
 * x_t = onehot(character t) and targets y_t = index(character t+1).
 */
public final class Vocabulary {

    private final char[] chars;

    private Vocabulary(char[] chars) {
        this.chars = chars;
    }

    /** The distinct characters of {@code text}, sorted. */
    public static Vocabulary of(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("text: expected at least one character, got " + (text == null ? "null" : "\"\""));
        }
        TreeSet<Character> set = new TreeSet<>();
        for (char ch : text.toCharArray()) {
            set.add(ch);
        }
        char[] chars = new char[set.size()];
        int i = 0;
        for (char ch : set) {
            chars[i++] = ch;
        }
        return new Vocabulary(chars);
    }

    /** V, the number of characters. */
    public int size() {
        return chars.length;
    }

    /** The character with index i. */
    public char charAt(int i) {
        if (i < 0 || i >= chars.length) {
            throw new IllegalArgumentException("i: expected an index in [0, " + (chars.length - 1) + "], got " + i);
        }
        return chars[i];
    }

    /** The index of each character of {@code text}. */
    public int[] encode(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text: expected a string, got null");
        }
        return encode(text, 0, text.length());
    }

    /** The indices of text[from .. to), a character outside the vocabulary named by its place in the whole text. */
    private int[] encode(String text, int from, int to) {
        int[] out = new int[to - from];
        for (int t = from; t < to; t++) {
            out[t - from] = indexOf(text.charAt(t));
            if (out[t - from] < 0) {
                throw outside("text[" + t + "]", text.charAt(t));
            }
        }
        return out;
    }

    /** The text of a sequence of indices. */
    public String decode(int[] indices) {
        if (indices == null) {
            throw new IllegalArgumentException("indices: expected an array of indices, got null");
        }
        StringBuilder s = new StringBuilder();
        for (int t = 0; t < indices.length; t++) {
            if (indices[t] < 0 || indices[t] >= chars.length) {
                Check.index("indices[" + t + "]", indices[t], chars.length);
            }
            s.append(chars[indices[t]]);
        }
        return s.toString();
    }

    /** e_i, the one-hot vector of index i. */
    public double[] oneHot(int i) {
        charAt(i);
        double[] e = new double[chars.length];
        e[i] = 1;
        return e;
    }

    /** The one-hot vectors of every character of {@code text}, one row per character. */
    public double[][] oneHot(String text) {
        int[] idx = encode(text);
        double[][] out = new double[idx.length][];
        for (int t = 0; t < idx.length; t++) {
            out[t] = oneHot(idx[t]);
        }
        return out;
    }

    /** Next-character prediction on text[start .. start+T]: x_t = onehot(character t), y_t = index(character t+1). */
    public Example window(String text, int start, int steps) {
        Check.atLeast("steps", steps, 1);
        if (text == null || text.length() <= steps) {
            throw new IllegalArgumentException("text: expected at least " + (steps + 1L) + " characters for " + steps
                    + " steps, got " + (text == null ? "null" : text.length() + " characters"));
        }
        if (start < 0 || start > text.length() - steps - 1) {
            throw new IllegalArgumentException("start: expected 0 <= start <= " + (text.length() - steps - 1)
                    + " so that " + (steps + 1) + " characters fit, got " + start);
        }
        int[] idx = encode(text, start, start + steps + 1);
        double[][] xs = new double[steps][];
        for (int t = 0; t < steps; t++) {
            xs[t] = oneHot(idx[t]);
        }
        return Example.perStep(xs, Arrays.copyOfRange(idx, 1, steps + 1));
    }

    /** The index of {@code ch}, or a negative number if it is not in the vocabulary. */
    int indexOf(char ch) {
        return Arrays.binarySearch(chars, ch);
    }

    /** The failure for a character {@code ch}, called {@code name}, that is not in the vocabulary. */
    IllegalArgumentException outside(String name, char ch) {
        return new IllegalArgumentException(name + ": expected a character of the vocabulary " + describe()
                + ", got '" + ch + "' (U+" + String.format("%04X", (int) ch) + ")");
    }

    private String describe() {
        String all = new String(chars).replace("\n", "\\n");
        return "\"" + (all.length() > 60 ? all.substring(0, 60) + "…" : all) + "\"";
    }

    @Override
    public String toString() {
        return "Vocabulary[" + chars.length + " characters: " + describe() + "]";
    }
}
