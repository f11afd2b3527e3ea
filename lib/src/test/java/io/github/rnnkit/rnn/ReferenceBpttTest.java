package io.github.rnnkit.rnn;

import io.github.rnnkit.activation.Activation;
import io.github.rnnkit.activation.Activations;
import io.github.rnnkit.core.Params;
import io.github.rnnkit.util.Matrices;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast path ({@link Rnn}) against the one-line-per-equation {@link ReferenceBptt}: every
 * gradient, ∂L/∂h_0 and ∂L/∂h_t of every step, for random shapes, seeds, activations, sparse or
 * dense inputs, and every truncation window 1 ≤ k ≤ T + 1.
 */
class ReferenceBpttTest {

    static final Activation[] ACTIVATIONS = {Activations.SIGMOID, Activations.TANH, Activations.RELU,
        Activations.leakyRelu(0.1), Activations.elu(1), Activations.HARD_TANH, Activations.IDENTITY};

    @Provide
    Arbitrary<Activation> activations() {
        return Arbitraries.of(ACTIVATIONS);
    }

    /** Gaussian inputs, or one-hot ones, which the fast path treats apart (it skips zero entries). */
    static double[][] inputs(Random rng, int steps, int d, boolean oneHot) {
        if (!oneHot) {
            return Matrices.gaussian(rng, steps, d, 1);
        }
        double[][] xs = new double[steps][d];
        for (double[] x : xs) {
            x[rng.nextInt(d)] = 1;
        }
        return xs;
    }

    @Property(tries = 1000)
    void theFastPathEqualsTheReferenceForEveryWindow(@ForAll @IntRange(min = 1, max = 9) int hidden,
                                                       @ForAll @IntRange(min = 1, max = 6) int input,
                                                       @ForAll @IntRange(min = 1, max = 6) int output,
                                                       @ForAll @IntRange(min = 1, max = 9) int steps,
                                                       @ForAll long seed,
                                                       @ForAll("activations") Activation f,
                                                       @ForAll boolean oneHot) {
        Random rng = new Random(seed);
        RnnParams p = Init.withLargestSingularValue(Init.uniform(hidden, input, output, seed), 0.5 + 2 * rng.nextDouble());
        double[][] xs = inputs(rng, steps, input, oneHot);
        double[] h0 = Matrices.gaussian(rng, 1, hidden, 0.5)[0];
        int[] targets = rng.ints(steps, 0, output).toArray();
        Rnn rnn = new Rnn(p, f);
        Forward fwd = rnn.forward(xs, h0);
        String where = f.name() + " H=" + hidden + " D=" + input + " K=" + output + " T=" + steps + " seed=" + seed;
        assertSameGradients(ReferenceBptt.crossEntropy(p, f, xs, h0, targets), rnn.bptt(fwd, targets), where + " full");
        for (int k = 1; k <= steps + 1; k++) {
            assertSameGradients(ReferenceBptt.crossEntropy(p, f, xs, h0, targets, k), rnn.bptt(fwd, targets, k), where + " k=" + k);
        }
        double[] y = Matrices.gaussian(rng, 1, output, 1)[0];
        assertSameGradients(ReferenceBptt.lastStepSquaredError(p, f, xs, h0, y), rnn.bpttLastStep(fwd, y), where + " last step");
    }

    /**
     * Every entry within 1e-10 of the largest entry of its array: the two paths add the same terms
     * in different orders, so they agree to rounding, not to the bit.
     */
    static void assertSameGradients(Gradients expected, Gradients actual, String where) {
        Params e = expected.asParams();
        Params a = actual.asParams();
        for (String name : e.names()) {
            assertClose(e.get(name), a.get(name), where + " d" + name);
        }
        assertClose(new double[][] {expected.dh0()}, new double[][] {actual.dh0()}, where + " dh0");
        assertClose(expected.dhsView(), actual.dhsView(), where + " dh_t");
        assertEquals(expected.hiddenGradNorms().length, actual.hiddenGradNorms().length, where);
    }

    private static void assertClose(double[][] expected, double[][] actual, String where) {
        double scale = 0;
        for (double[] row : expected) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                assertTrue(Math.abs(expected[i][j] - actual[i][j]) <= 1e-10 * scale,
                        where + "[" + i + "][" + j + "]: " + expected[i][j] + " vs " + actual[i][j]);
            }
        }
    }
}
