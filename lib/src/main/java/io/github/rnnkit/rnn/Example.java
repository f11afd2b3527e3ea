package io.github.rnnkit.rnn;

import io.github.rnnkit.util.Check;

/**
 * One training sequence x_1..x_T and the {@link Loss} a network should reduce on it: either a
 * class per step (L = Σ_t −log p_t[y_t], as for next-character prediction) or a vector for the
 * last step only (L = ½‖o_T − y‖², as for the adding problem). Immutable.
 */
public final class Example {

    private final double[][] xs;
    private final int[] targets;
    private final double[] lastTarget;
    private final Loss loss;

    private Example(double[][] xs, int[] targets, double[] lastTarget, Loss loss) {
        this.xs = xs;
        this.targets = targets;
        this.lastTarget = lastTarget;
        this.loss = loss;
    }

    /** Inputs x_1..x_T with a target class per step. */
    public static Example perStep(double[][] xs, int[] targets) {
        Check.rectangular("xs", xs);
        Loss loss = Loss.crossEntropy(targets);
        loss.check(xs.length, -1);
        return new Example(Check.copy(xs), targets.clone(), null, loss);
    }

    /** Inputs x_1..x_T with a target vector for the last step's output. */
    public static Example lastStep(double[][] xs, double[] target) {
        Check.rectangular("xs", xs);
        return new Example(Check.copy(xs), null, target == null ? null : target.clone(), Loss.lastStepSquaredError(target));
    }

    /** T, the number of steps. */
    public int length() {
        return xs.length;
    }

    public double[][] xs() {
        return Check.copy(xs);
    }

    /** The target class of every step, or null for a last-step example. */
    public int[] targets() {
        return targets == null ? null : targets.clone();
    }

    /** The target of the last step's output, or null for a per-step example. */
    public double[] lastTarget() {
        return lastTarget == null ? null : lastTarget.clone();
    }

    /** The loss this example asks for. */
    public Loss loss() {
        return loss;
    }

    /** The loss of this example under {@code rnn} from h0 (null: zeros), and its gradients by full BPTT. */
    public Evaluation evaluate(Rnn rnn, double[] h0) {
        Check.notNull("rnn", rnn, "an Rnn");
        return rnn.evaluate(xs, h0, loss);
    }

    /** The inputs themselves, for the networks' read-only use. */
    double[][] xsView() {
        return xs;
    }

    /** A forward pass, its loss and the gradients of that loss. */
    public record Evaluation(Forward forward, double loss, Gradients gradients) {
    }
}
