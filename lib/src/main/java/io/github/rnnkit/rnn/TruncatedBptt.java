package io.github.rnnkit.rnn;

import io.github.rnnkit.util.Check;

/**
 * Truncated BPTT as Williams and Peng (1990) define it, TBPTT(k1, k2): run forward, and after
 * every k1 steps run backward k2 steps, through the losses of the k1 steps just seen. The losses
 * fall into blocks of k1 steps, s = a … e with a = 1, k1 + 1, 2k1 + 1, … (the last block may be
 * shorter); the pass of a block starts at e and goes down to step max(1, a − (k2 − k1)), so L_s
 * sees s − a + k2 − k1 + 1 steps: between k2 − k1 + 1 and k2.
 *
 * <pre>
 *   TBPTT(1, k)   the window of {@link Rnn#bptt(Forward, int[], int)}: every L_t exactly k steps back
 *   TBPTT(k, k)   chunks of k with the state carried into the next chunk as a constant
 *                 (min-char-rnn's 25-character chunks with hprev, PyTorch's h.detach()): L_t sees 1 … k steps
 *   TBPTT(T, T)   full BPTT
 *   cost          ≈ (T / k1) · k2 backward steps per sequence;   memory: the states of k2 steps
 * </pre>
 *
 * The gradients are those of the summed cross-entropy over one forward pass with fixed weights (as
 * if no update happened between blocks), so they compare directly with full BPTT. Immutable.
 */
public final class TruncatedBptt {

    /** Gradients and what they cost. */
    public record Result(Gradients gradients, int backwardSteps) {
    }

    private final int k1;
    private final int k2;

    private TruncatedBptt(int k1, int k2) {
        this.k1 = k1;
        this.k2 = k2;
    }

    /** TBPTT(k1, k2): every k1 steps, back k2 steps (k2 ≥ k1 ≥ 1, or the oldest of the k1 losses would get no step). */
    public static TruncatedBptt of(int k1, int k2) {
        Check.atLeast("k1", k1, 1);
        if (k2 < k1) {
            throw new IllegalArgumentException("k2: expected at least k1 = " + k1 + " (each block must reach its oldest loss), got " + k2);
        }
        return new TruncatedBptt(k1, k2);
    }

    /** The window of k, TBPTT(1, k). */
    public static TruncatedBptt window(int k) {
        return of(1, k);
    }

    /** Chunks of k with the state carried forward, TBPTT(k, k). */
    public static TruncatedBptt chunks(int k) {
        return of(k, k);
    }

    public int k1() {
        return k1;
    }

    public int k2() {
        return k2;
    }

    /** The gradients of L = Σ_t −log p_t[y_t] over {@code fwd}, a forward pass of {@code rnn}, and the backward steps taken. */
    public Result run(Rnn rnn, Forward fwd, int[] targets) {
        PartialBackward pass = new PartialBackward(rnn, fwd, targets);
        for (int first = 1; first <= pass.length(); first += k1) {
            int end = Math.min(pass.length(), first + k1 - 1);
            pass.run(end, first, Math.max(1, first - (k2 - k1)), null);
        }
        return new Result(pass.gradients(), pass.steps());
    }

    @Override
    public String toString() {
        return "TBPTT(" + k1 + ", " + k2 + ")";
    }
}
