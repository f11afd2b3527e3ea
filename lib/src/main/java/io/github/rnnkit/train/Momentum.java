package io.github.rnnkit.train;

/**
 * SGD with momentum μ, in PyTorch's form ({@code torch.optim.SGD(momentum=μ, dampening=0)}), M from 0:
 *
 * <pre>
 *   M ← μ M + g                       the buffer: a running sum of gradients, g + μ g_prev + μ² g_prev2 + …
 *   Θ ← Θ − η M                       heavy ball (Polyak)
 *   Θ ← Θ − η (g + μ M)               Nesterov: the step looks one buffer ahead
 * </pre>
 *
 * Where others differ: PyTorch's {@code dampening} d would make it M ← μ M + (1 − d) g (d = 0 here;
 * PyTorch starts M at g, which is the same when d = 0). Sutskever et al. (2013) and Keras write
 * the velocity with η inside, v ← μ v − η g, Θ ← Θ + v: the same steps while η stays constant,
 * different ones when η changes during a run. Under a constant gradient the step tends to η g / (1 − μ):
 * μ = 0.9 takes ten times SGD's step.
 */
public final class Momentum extends Optimizer {

    private final double mu;
    private final boolean nesterov;

    Momentum(double learningRate, double mu, boolean nesterov) {
        super(learningRate);
        this.mu = fraction("mu", mu);
        if (nesterov && mu == 0) {
            throw new IllegalArgumentException("mu: expected a momentum in (0, 1) for Nesterov's step, got 0");
        }
        this.nesterov = nesterov;
    }

    /** μ. */
    public double mu() {
        return mu;
    }

    /** True for Nesterov's step. */
    public boolean nesterov() {
        return nesterov;
    }

    @Override
    void updateRow(double[] theta, double[] g, double[][] buffers, int s) {
        double eta = learningRate();
        double[] M = buffers[0];
        for (int j = 0; j < theta.length; j++) {
            M[j] = mu * M[j] + g[j];
            theta[j] -= eta * (nesterov ? g[j] + mu * M[j] : M[j]);
        }
    }

    @Override
    int buffers() {
        return 1;
    }

    @Override
    public Optimizer withLearningRate(double learningRate) {
        return new Momentum(learningRate, mu, nesterov);
    }

    @Override
    public String name() {
        return nesterov ? "Nesterov" : "momentum";
    }

    @Override
    public String toString() {
        return name() + "(η = " + number(learningRate()) + ", μ = " + number(mu) + ")";
    }
}
