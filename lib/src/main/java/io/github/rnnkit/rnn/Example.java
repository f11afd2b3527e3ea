package io.github.rnnkit.rnn;

import io.github.rnnkit.util.Check;

/**
 * One training sequence and what the network should learn from it: either a class per step
 * (L = Σ_t −log p_t[y_t], as for next-character prediction) or a vector for the last step only
 * (L = ½‖o_T − y‖², as for the adding problem).
 */
public final class Example {

    private final double[][] xs;
    private final int[] targets;
    private final double[] lastTarget;

    private Example(double[][] xs, int[] targets, double[] lastTarget) {
        this.xs = xs;
        this.targets = targets;
        this.lastTarget = lastTarget;
    }

    /** Inputs x_1..x_T with a target class per step. */
    public static Example perStep(double[][] xs, int[] targets) {
        Check.rectangular("xs", xs);
        int steps = xs.length;
        if (targets == null || targets.length != steps) {
            throw new IllegalArgumentException("targets: expected " + steps + " class indices, got "
                    + (targets == null ? "null" : targets.length));
        }
        return new Example(Check.copy(xs), targets.clone(), null);
    }

    /** Inputs x_1..x_T with a target vector for the last step's output. */
    public static Example lastStep(double[][] xs, double[] target) {
        Check.rectangular("xs", xs);
        Check.vector("target", target);
        return new Example(Check.copy(xs), null, target.clone());
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

    /** The loss of this example under {@code rnn}, and its gradients by full BPTT. */
    public Evaluation evaluate(Rnn rnn, double[] h0) {
        Check.notNull("rnn", rnn, "an Rnn");
        Forward fwd = rnn.forward(xs, h0);
        if (targets != null) {
            return new Evaluation(fwd, fwd.loss(targets), rnn.bptt(fwd, targets));
        }
        return new Evaluation(fwd, fwd.lastStepSquaredError(lastTarget), rnn.bpttLastStep(fwd, lastTarget));
    }

    /** A forward pass, its loss and the gradients of that loss. */
    public record Evaluation(Forward forward, double loss, Gradients gradients) {
    }
}
