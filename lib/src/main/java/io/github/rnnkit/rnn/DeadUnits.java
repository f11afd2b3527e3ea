package io.github.rnnkit.rnn;

import io.github.rnnkit.util.Check;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Dead units: hidden units whose slope f'(z_t) is exactly 0 at every step of every sequence
 * looked at. Every δ_t = f'(z_t) ⊙ ∂L/∂h_t of such a unit is 0, so no gradient reaches its row of
 * U, W or b on these inputs: for ReLU, z_t ≤ 0 throughout (at the kink z = 0 the slope is the
 * left-hand 0). The verdict holds for these inputs and these weights only: in an RNN a unit's
 * z_t also reads the other units' states through W, and they keep learning, so a dead unit can
 * come back to life.
 */
public final class DeadUnits {

    private DeadUnits() {
    }

    /** The indices, in increasing order, of the units of {@code rnn} with f'(z_t,i) = 0 at every step of every sequence (each from h_0 = 0). */
    public static int[] of(Rnn rnn, List<double[][]> sequences) {
        Check.notNull("rnn", rnn, "an Rnn");
        if (sequences == null || sequences.isEmpty()) {
            throw new IllegalArgumentException("sequences: expected at least one input sequence, got "
                    + (sequences == null ? "null" : "none"));
        }
        boolean[] alive = new boolean[rnn.params().hiddenSize()];
        for (int s = 0; s < sequences.size(); s++) {
            if (sequences.get(s) == null) {
                throw new IllegalArgumentException("sequences: expected an input sequence at every index, got null at " + s);
            }
            for (double[] z : rnn.forward(sequences.get(s), null).zs()) {
                for (int i = 0; i < z.length; i++) {
                    alive[i] |= rnn.activation().derivative(z[i]) != 0;
                }
            }
        }
        return IntStream.range(0, alive.length).filter(i -> !alive[i]).toArray();
    }
}
