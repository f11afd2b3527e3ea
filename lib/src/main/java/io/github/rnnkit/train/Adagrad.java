package io.github.rnnkit.train;

import io.github.rnnkit.util.Check;

/**
 * Adagrad (Duchi, Hazan and Singer, 2011), as min-char-rnn writes it, S from 0:
 *
 * <pre>
 *   S ← S + g²                        the running sum of squared gradients, per entry
 *   Θ ← Θ − η g / √(S + ε)            ε = 1e-8 by default
 * </pre>
 *
 * Where others differ: PyTorch's {@code torch.optim.Adagrad} adds its ε (1e-10) outside the root,
 * η g / (√S + ε), and offers a learning-rate decay and a starting value for S (0 here); Keras
 * starts S at 0.1. The two placements agree at ε = 0 ({@link Optimizer#adagrad(double, double)}), and
 * differ only while S is as small as ε. S only grows, so every entry's steps shrink like 1/√s
 * under a steady gradient.
 */
public final class Adagrad extends Optimizer {

    private final double epsilon;

    Adagrad(double learningRate, double epsilon) {
        super(learningRate);
        this.epsilon = Check.nonNegative("epsilon", epsilon);
    }

    /** ε, added to S under the root. */
    public double epsilon() {
        return epsilon;
    }

    @Override
    void updateRow(double[] theta, double[] g, double[][] buffers, int s) {
        double eta = learningRate();
        double[] S = buffers[0];
        for (int j = 0; j < theta.length; j++) {
            S[j] += g[j] * g[j];
            theta[j] -= eta * g[j] / Math.sqrt(S[j] + epsilon);
        }
    }

    @Override
    int buffers() {
        return 1;
    }

    @Override
    public Optimizer withLearningRate(double learningRate) {
        return new Adagrad(learningRate, epsilon);
    }

    @Override
    public String name() {
        return "Adagrad";
    }

    @Override
    public String toString() {
        return "Adagrad(η = " + number(learningRate()) + ", ε = " + number(epsilon) + ")";
    }
}
