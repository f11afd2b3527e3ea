package io.github.rnnkit.core;

import io.github.rnnkit.util.Check;

/**
 * What a network is trained to reduce, given its output logits o_1..o_T over one sequence, and
 * the gradient ∂L/∂o_t that starts backpropagation:
 *
 * <pre>
 *   classification (a class y_t per step):  L = Σ_t −log softmax(o_t)[y_t]     ∂L/∂o_t = p_t − onehot(y_t)
 *   regression (a vector y for step T):     L = ½ ‖o_T − y‖²                   ∂L/∂o_T = o_T − y, 0 before T
 * </pre>
 *
 * Both networks of the kit, {@code Rnn} and the gated ones, use these two and nothing else; the
 * cross-entropy comes from {@link Softmax}. Immutable.
 */
public abstract sealed class Loss {

    /** A loss and its gradient with respect to every logit. */
    public record ValueAndGradient(double value, double[][] gradient) {
    }

    private Loss() {
    }

    /** The summed cross-entropy of a target class y_t at every step. */
    public static Loss crossEntropy(int[] targets) {
        if (targets == null) {
            throw new IllegalArgumentException("targets: expected class indices (one per step), got null");
        }
        return new CrossEntropy(targets.clone());
    }

    /** Half the squared error of the last step's output against {@code target}. */
    public static Loss lastStepSquaredError(double[] target) {
        Check.vector("target", target);
        return new LastStepSquaredError(target.clone());
    }

    /** L for logits o_1..o_T (logits[t] = o_{t+1}). */
    public double value(double[][] logits) {
        return valueAndGradient(logits).value();
    }

    /** ∂L/∂o_t for every step. */
    public double[][] gradient(double[][] logits) {
        return valueAndGradient(logits).gradient();
    }

    /** L and ∂L/∂o_t together, in one pass over the logits. */
    public abstract ValueAndGradient valueAndGradient(double[][] logits);

    /** Checks that this loss fits a sequence of {@code steps} steps (and, if known, {@code outputs} outputs, else −1). */
    abstract void check(int steps, int outputs);

    private static final class CrossEntropy extends Loss {
        private final int[] targets;

        CrossEntropy(int[] targets) {
            this.targets = targets;
        }

        @Override
        public ValueAndGradient valueAndGradient(double[][] logits) {
            check(logits.length, logits[0].length);
            double loss = 0;
            double[][] d = new double[logits.length][];
            for (int t = 0; t < logits.length; t++) {
                d[t] = new double[logits[t].length];
                loss += Softmax.crossEntropyInto(logits[t], targets[t], d[t]);
            }
            return new ValueAndGradient(loss, d);
        }

        @Override
        void check(int steps, int outputs) {
            if (targets.length != steps) {
                throw new IllegalArgumentException("targets: expected " + steps + " class indices (one per step), got "
                        + targets.length);
            }
            for (int t = 0; outputs > 0 && t < steps; t++) {
                if (targets[t] < 0 || targets[t] >= outputs) {
                    throw new IllegalArgumentException("targets[" + t + "]: expected a class index in [0, " + (outputs - 1)
                            + "], got " + targets[t]);
                }
            }
        }
    }

    private static final class LastStepSquaredError extends Loss {
        private final double[] target;

        LastStepSquaredError(double[] target) {
            this.target = target;
        }

        @Override
        public ValueAndGradient valueAndGradient(double[][] logits) {
            check(logits.length, logits[0].length);
            int last = logits.length - 1;
            double[][] d = new double[logits.length][logits[0].length];
            double sum = 0;
            for (int k = 0; k < target.length; k++) {
                d[last][k] = logits[last][k] - target[k];
                sum += d[last][k] * d[last][k];
            }
            return new ValueAndGradient(sum / 2, d);
        }

        @Override
        void check(int steps, int outputs) {
            if (outputs > 0 && target.length != outputs) {
                throw new IllegalArgumentException("target: expected a vector of length " + outputs + ", got length "
                        + target.length);
            }
        }
    }
}
