package io.github.rnnkit.data;

import io.github.rnnkit.rnn.Example;
import io.github.rnnkit.util.Check;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * The characters of a text, in sorted order, each with an index 0..V−1 and a one-hot vector
 * e_i ∈ {0, 1}^V. For next-character prediction a window of T characters gives inputs
 * x_t = onehot(c_t) and targets y_t = index(c_{t+1}).
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
        int[] out = new int[text.length()];
        for (int t = 0; t < out.length; t++) {
            int i = Arrays.binarySearch(chars, text.charAt(t));
            if (i < 0) {
                throw new IllegalArgumentException("text[" + t + "]: expected a character of the vocabulary "
                        + describe() + ", got '" + text.charAt(t) + "' (U+" + String.format("%04X", (int) text.charAt(t)) + ")");
            }
            out[t] = i;
        }
        return out;
    }

    /** The text of a sequence of indices. */
    public String decode(int[] indices) {
        StringBuilder s = new StringBuilder();
        for (int i : indices) {
            s.append(charAt(i));
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

    /** Next-character prediction on text[start .. start+T]: x_t = onehot(c_t), y_t = index(c_{t+1}). */
    public Example window(String text, int start, int steps) {
        Check.atLeast("steps", steps, 1);
        if (text == null || start < 0 || start + steps + 1 > text.length()) {
            throw new IllegalArgumentException("start: expected 0 <= start <= " + (text == null ? "?" : text.length() - steps - 1)
                    + " so that " + (steps + 1) + " characters fit, got " + start);
        }
        String piece = text.substring(start, start + steps + 1);
        int[] idx = encode(piece);
        return Example.perStep(oneHot(piece.substring(0, steps)), Arrays.copyOfRange(idx, 1, steps + 1));
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
