package io.github.rnnkit.train;

import io.github.rnnkit.util.Check;

/**
 * RMSProp (Hinton's lecture 6e, 2012), in PyTorch's form ({@code torch.optim.RMSprop}, centered=False,
 * momentum=0), S from 0:
 *
 * <pre>
 *   S ← β S + (1 − β) g²              a running average of squared gradients, per entry
 *   Θ ← Θ − η g / (√S + ε)            each entry's step divided by its recent gradient size
 * </pre>
 *
 * Where others differ: PyTorch calls β alpha (default 0.99, ε = 1e-8) and adds ε outside the root,
 * as here; Keras calls it rho (default 0.9, ε = 1e-7) and adds ε inside, g / √(S + ε), as
 * TensorFlow 1 did. The step of an entry is about η whatever the size of its gradient, once S has
 * caught up with it: a gradient a thousand times smaller still moves its weight by about η. With
 * β = 0.99 and S starting at 0, the first steps are up to 1/√(1 − β) = 10 times larger (Adam's
 * bias correction removes that).
 */
public final class RmsProp extends Optimizer {

    private final double beta;
    private final double epsilon;

    RmsProp(double learningRate, double beta, double epsilon) {
        super(learningRate);
        this.beta = fraction("beta", beta);
        this.epsilon = Check.nonNegative("epsilon", epsilon);
    }

    /** β, the weight of the past in the running average. */
    public double beta() {
        return beta;
    }

    /** ε, added to √S. */
    public double epsilon() {
        return epsilon;
    }

    @Override
    void updateRow(double[] theta, double[] g, double[][] buffers, int s) {
        double eta = learningRate();
        double[] S = buffers[0];
        for (int j = 0; j < theta.length; j++) {
            S[j] = beta * S[j] + (1 - beta) * g[j] * g[j];
            theta[j] -= eta * g[j] / (Math.sqrt(S[j]) + epsilon);
        }
    }

    @Override
    int buffers() {
        return 1;
    }

    @Override
    public Optimizer withLearningRate(double learningRate) {
        return new RmsProp(learningRate, beta, epsilon);
    }

    @Override
    public String name() {
        return "RMSProp";
    }

    @Override
    public String toString() {
        return "RMSProp(η = " + number(learningRate()) + ", β = " + number(beta) + ", ε = " + number(epsilon) + ")";
    }
}
