package io.github.rnnkit.data;

import io.github.rnnkit.core.Example;
import io.github.rnnkit.core.Trainable;
import io.github.rnnkit.util.Check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The adding problem (Hochreiter and Schmidhuber, 1997; Le, Jaitly and Hinton, 2015): a sequence of
 * T steps, each with two inputs, a value u_t ~ U[0, 1] and a marker m_t ∈ {0, 1}; exactly two steps
 * are marked, and the target is the sum of their values. A network must carry the first marked
 * value across the sequence. Always answering 1 scores a mean squared error of
 * E[(u + v − 1)²] = Var(u + v) = 1/6.
 */
public final class AddingProblem {

    private AddingProblem() {
    }

    /** n examples of length T, target y = u_a + u_b over the two marked steps a, b; the same seed gives the same examples. */
    public static List<Example> examples(int n, int steps, long seed) {
        Check.atLeast("n", n, 1);
        Check.atLeast("steps", steps, 2);
        Random rng = new Random(seed);
        List<Example> out = new ArrayList<>(n);
        for (int e = 0; e < n; e++) {
            out.add(example(steps, rng));
        }
        return List.copyOf(out);
    }

    private static Example example(int steps, Random rng) {
        double[][] xs = new double[steps][2];
        for (double[] x : xs) {
            x[0] = rng.nextDouble();
        }
        int first = rng.nextInt(steps);
        int second = rng.nextInt(steps - 1);
        if (second >= first) {
            second++;
        }
        xs[first][1] = 1;
        xs[second][1] = 1;
        return Example.lastStep(xs, new double[] {xs[first][0] + xs[second][0]});
    }

    /** The target of an example: the sum of its two marked values. */
    public static double target(Example e) {
        return target(e, "e", -1);
    }

    /** The mean squared error of always answering {@code constant}: about 1/6 for 1. */
    public static double constantAnswerMse(List<Example> examples, double constant) {
        if (examples == null || examples.isEmpty()) {
            throw new IllegalArgumentException("examples: expected at least one example, got none");
        }
        Check.finite("constant", constant);
        double sum = 0;
        int i = 0;
        for (Example e : examples) {
            double d = target(e, "examples", i++) - constant;
            sum += d * d;
        }
        return sum / examples.size();
    }

    /**
     * The mean squared error (o_T − y)² of {@code network} over adding-problem examples: twice its
     * mean loss ½(o_T − y)². Always answering 1 scores about 1/6; learning means scoring below that.
     */
    public static double mse(Trainable<?> network, List<Example> examples) {
        Check.notNull("network", network, "a trained network (an Rnn, Lstm or Gru with one output)");
        if (examples == null || examples.isEmpty()) {
            throw new IllegalArgumentException("examples: expected at least one example, got none");
        }
        double sum = 0;
        for (int i = 0; i < examples.size(); i++) {
            target(examples.get(i), "examples", i);
            sum += 2 * network.loss(examples.get(i));
        }
        return sum / examples.size();
    }

    /** The target of {@code e}, called {@code name} (or {@code name[i]} for i >= 0) if it is no adding-problem example. */
    private static double target(Example e, String name, int i) {
        if (e == null) {
            throw new IllegalArgumentException(label(name, i) + ": expected an adding-problem example, got null");
        }
        double[][] xs = e.xs();
        double sum = 0;
        int marked = 0;
        for (int t = 0; t < xs.length; t++) {
            double[] x = xs[t];
            if (x.length != 2 || (x[1] != 0 && x[1] != 1)) {
                throw new IllegalArgumentException(label(name, i) + ": expected steps (u, m) with a marker m"
                        + " of 0 or 1, got " + Arrays.toString(x) + " at step " + t);
            }
            sum += x[1] * x[0];
            marked += (int) x[1];
        }
        if (marked != 2) {
            throw new IllegalArgumentException(label(name, i) + ": expected exactly 2 marked steps, got " + marked);
        }
        return sum;
    }

    private static String label(String name, int i) {
        return i < 0 ? name : name + "[" + i + "]";
    }
}
