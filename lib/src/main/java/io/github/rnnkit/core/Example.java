package io.github.rnnkit.core;

import io.github.rnnkit.util.Check;

/**
 * One training sequence x_1..x_T and the {@link Loss} a network should reduce on it: either a
 * class per step (L = Σ_t −log p_t[y_t], as for next-character prediction) or a vector for the
 * last step only (L = ½‖o_T − y‖², as for the adding problem). The targets live in the loss.
 * Immutable.
 */
public final class Example {

    private final double[][] xs;
    private final Loss loss;

    private Example(double[][] xs, Loss loss) {
        this.xs = xs;
        this.loss = loss;
    }

    /** Inputs x_1..x_T with a target class per step. */
    public static Example perStep(double[][] xs, int[] targets) {
        Check.rectangular("xs", xs);
        Loss loss = Loss.crossEntropy(targets);
        loss.check(xs.length, -1);
        return new Example(Check.copy(xs), loss);
    }

    /** Inputs x_1..x_T with a target vector for the last step's output. */
    public static Example lastStep(double[][] xs, double[] target) {
        Check.rectangular("xs", xs);
        return new Example(Check.copy(xs), Loss.lastStepSquaredError(target));
    }

    /** T, the number of steps. */
    public int length() {
        return xs.length;
    }

    /** x_1..x_T (xs[t] = x_{t+1}), a copy. */
    public double[][] xs() {
        return Check.copy(xs);
    }

    /** The loss this example asks for, holding its targets. */
    public Loss loss() {
        return loss;
    }
}
