package io.github.rnnkit.rnn;

import io.github.rnnkit.util.Check;
import io.github.rnnkit.util.Matrices;

import java.util.Random;

/**
 * Randomised truncation: BPTT cut at random points, with the paths that survive weighted up so
 * that the gradient is right on average. This is the simplest form of Tallec and Ollivier's ARTBP
 * (2017, "Unbiasing truncated backpropagation through time": random truncation lengths with
 * compensation factors), with one probability π of keeping each step's link, as d2l's ξ_t:
 *
 * <pre>
 *   what step s sends back to step s − 1 is multiplied by  ξ_s = 1/π with probability π,  0 otherwise (a cut)
 *   ∂L/∂h_{s−1} = Vᵀ(p_{s−1} − onehot(y_{s−1})) + ξ_s Wᵀ δ_s
 * </pre>
 *
 * A path from L_t back to step s crosses t − s boundaries; its weight ξ_t ⋯ ξ_{s+1} is a product
 * of independent factors of mean 1, so it has mean 1, and the gradient, a sum over paths, equals
 * full BPTT's in expectation: no bias. The price is variance: a path that survives j links counts
 * π^(−j) times. The cuts split the sequence into chunks of random length, of mean 1/(1 − π): one
 * backward pass of T steps, like chunks of that fixed length. Immutable.
 */
public final class RandomTruncation {

    /**
     * How far randomised dW lies from full BPTT's, relative to ‖dW_full‖_F: {@code oneDraw} is the
     * root mean square over the draws of ‖dW_draw − dW_full‖_F, {@code meanOfDraws} the distance of
     * their mean. Without bias, meanOfDraws ≈ oneDraw / √draws.
     */
    public record Accuracy(double oneDraw, double meanOfDraws, int draws) {
    }

    private final double keep;

    private RandomTruncation(double keep) {
        this.keep = keep;
    }

    /** Keep each link with probability π, 0 &lt; π ≤ 1 (π = 1 is full BPTT). */
    public static RandomTruncation withKeepProbability(double pi) {
        if (!(pi > 0 && pi <= 1)) {
            throw new IllegalArgumentException("pi: expected a probability in (0, 1], got " + pi);
        }
        return new RandomTruncation(pi);
    }

    /** Chunks of mean length {@code length} &gt; 1: π = 1 − 1/length (a length of 1 would cut every link). */
    public static RandomTruncation withMeanChunk(double length) {
        if (!(length > 1) || Double.isInfinite(length)) {
            throw new IllegalArgumentException("length: expected a finite mean chunk length > 1, got " + length);
        }
        return new RandomTruncation(1 - 1 / length);
    }

    /** π, the probability that a link is kept. */
    public double keepProbability() {
        return keep;
    }

    /** One draw: the cuts sampled from {@code rng}, then {@link #gradients(Rnn, Forward, int[], boolean[])}. */
    public Gradients gradients(Rnn rnn, Forward fwd, int[] targets, Random rng) {
        Check.notNull("rng", rng, "a Random");
        Check.notNull("fwd", fwd, "a Forward of that Rnn");
        boolean[] cuts = new boolean[fwd.length() + 1];
        for (int s = 1; s <= fwd.length(); s++) {
            cuts[s] = rng.nextDouble() >= keep;
        }
        return gradients(rnn, fwd, targets, cuts);
    }

    /**
     * The gradients for given cuts: {@code cuts[s]} (s = 1..T; index 0 unused) cuts what step s
     * sends to step s − 1 (at s = 1, to h_0); every link not cut weighs 1/π.
     */
    public Gradients gradients(Rnn rnn, Forward fwd, int[] targets, boolean[] cuts) {
        PartialBackward pass = new PartialBackward(rnn, fwd, targets);
        int steps = pass.length();
        if (cuts == null || cuts.length != steps + 1) {
            throw new IllegalArgumentException("cuts: expected " + (steps + 1) + " flags (index 0 unused, then one per step), got "
                    + (cuts == null ? "null" : cuts.length));
        }
        double[] weights = new double[steps + 1];
        for (int s = 1; s <= steps; s++) {
            weights[s] = cuts[s] ? 0 : 1 / keep;
        }
        pass.run(steps, 1, 1, weights);
        return pass.gradients();
    }

    /** {@code draws} draws from {@code rng}, each set against full BPTT's dW for the same forward pass. */
    public Accuracy accuracy(Rnn rnn, Forward fwd, int[] targets, int draws, Random rng) {
        Check.atLeast("draws", draws, 1);
        double[][] full = rnn.bptt(fwd, targets).dW();
        double fullNorm = Matrices.frobenius(full);
        double[][] sum = new double[full.length][full.length];
        double squares = 0;
        for (int n = 0; n < draws; n++) {
            double[][] g = gradients(rnn, fwd, targets, rng).dW();
            double[][] gap = new double[full.length][full.length];
            for (int i = 0; i < full.length; i++) {
                for (int j = 0; j < full.length; j++) {
                    gap[i][j] = g[i][j] - full[i][j];
                    sum[i][j] += gap[i][j];
                }
            }
            squares += Math.pow(Matrices.frobenius(gap) / fullNorm, 2);
        }
        return new Accuracy(Math.sqrt(squares / draws), Matrices.frobenius(sum) / draws / fullNorm, draws);
    }

    @Override
    public String toString() {
        return "RandomTruncation(π = " + keep + ")";
    }
}
