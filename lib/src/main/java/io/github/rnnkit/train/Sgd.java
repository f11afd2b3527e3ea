package io.github.rnnkit.train;

/**
 * Plain stochastic gradient descent, one line:
 *
 * <pre>
 *   Θ ← Θ − η g
 * </pre>
 *
 * As {@code torch.optim.SGD} (momentum 0, weight_decay 0) and Keras's {@code SGD}. Every entry
 * moves in proportion to its own gradient: an entry whose gradient has vanished does not move.
 */
public final class Sgd extends Optimizer {

    Sgd(double learningRate) {
        super(learningRate);
    }

    @Override
    void updateRow(double[] theta, double[] g, double[][] buffers, int s) {
        double eta = learningRate();
        for (int j = 0; j < theta.length; j++) {
            theta[j] -= eta * g[j];
        }
    }

    @Override
    int buffers() {
        return 0;
    }

    @Override
    public Optimizer withLearningRate(double learningRate) {
        return new Sgd(learningRate);
    }

    @Override
    public String name() {
        return "SGD";
    }

    @Override
    public String toString() {
        return "SGD(η = " + number(learningRate()) + ")";
    }
}
