package io.github.rnnkit.train;

import io.github.rnnkit.util.Check;

/**
 * Adam (Kingma and Ba, 2015) and AdamW (Loshchilov and Hutter, 2019), in PyTorch's form
 * ({@code torch.optim.Adam}, {@code torch.optim.AdamW}), M and S from 0, at update number s = 1, 2, …:
 *
 * <pre>
 *   Θ ← Θ − η λ Θ                         AdamW only: decoupled weight decay λ (0 for Adam)
 *   M ← β1 M + (1 − β1) g                 first moment: a running average of gradients
 *   S ← β2 S + (1 − β2) g²                second moment: a running average of squared gradients
 *   M̂ = M / (1 − β1^s)                   bias correction: M and S start at 0, so early averages are too small
 *   Ŝ = S / (1 − β2^s)
 *   Θ ← Θ − η M̂ / (√Ŝ + ε)
 * </pre>
 *
 * The step of an entry is about η times the sign of its recent gradients, whatever their size: the
 * first step is exactly η g / (|g| + ε). That is why Adam moves weights whose gradients have nearly
 * vanished, where SGD's step η g is as small as g.
 *
 * <p>Where others differ: Keras (default ε = 1e-7) adds its ε to √S before the correction,
 * Θ ← Θ − η √(1 − β2^s)/(1 − β1^s) · M / (√S + ε), the paper's "ε̂" form; the two differ only
 * while √Ŝ is near ε. PyTorch's AdamW multiplies the decay by η, as here; the paper multiplies it
 * by the schedule's factor alone. Adam's own {@code weight_decay} (L2 added to g, "coupled") is not
 * offered: it is the thing AdamW was made to replace. The decay applies to every parameter,
 * biases included (frameworks apply it to whatever they are given).
 */
public final class Adam extends Optimizer {

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double decay;

    Adam(double learningRate, double beta1, double beta2, double epsilon, double decay) {
        super(learningRate);
        this.beta1 = fraction("beta1", beta1);
        this.beta2 = fraction("beta2", beta2);
        this.epsilon = Check.nonNegative("epsilon", epsilon);
        this.decay = Check.nonNegative("decay", decay);
    }

    public double beta1() {
        return beta1;
    }

    public double beta2() {
        return beta2;
    }

    public double epsilon() {
        return epsilon;
    }

    /** λ, the decoupled weight decay (0 for Adam). */
    public double decay() {
        return decay;
    }

    @Override
    void updateRow(double[] theta, double[] g, double[][] buffers, int s) {
        double eta = learningRate();
        double[] M = buffers[0], S = buffers[1];
        double correction1 = 1 - StrictMath.pow(beta1, s), correction2 = 1 - StrictMath.pow(beta2, s);
        for (int j = 0; j < theta.length; j++) {
            theta[j] -= eta * decay * theta[j];
            M[j] = beta1 * M[j] + (1 - beta1) * g[j];
            S[j] = beta2 * S[j] + (1 - beta2) * g[j] * g[j];
            double mHat = M[j] / correction1;
            double sHat = S[j] / correction2;
            theta[j] -= eta * mHat / (Math.sqrt(sHat) + epsilon);
        }
    }

    @Override
    int buffers() {
        return 2;
    }

    @Override
    public Optimizer withLearningRate(double learningRate) {
        return new Adam(learningRate, beta1, beta2, epsilon, decay);
    }

    @Override
    public String name() {
        return decay > 0 ? "AdamW" : "Adam";
    }

    @Override
    public String toString() {
        return name() + "(η = " + number(learningRate()) + ", β1 = " + number(beta1) + ", β2 = " + number(beta2) + ", ε = "
                + number(epsilon) + (decay > 0 ? ", λ = " + number(decay) : "") + ")";
    }
}
