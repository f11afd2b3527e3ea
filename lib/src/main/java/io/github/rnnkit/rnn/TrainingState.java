package io.github.rnnkit.rnn;

import java.util.HashMap;
import java.util.Map;

/**
 * A network in training: a private, mutable copy of its parameters Θ that gradient steps change
 * in place, element-wise, with g the gradient (after clipping):
 *
 * <pre>
 *   SGD:      Θ ← Θ − η g
 *   Adagrad:  S ← S + g²,   Θ ← Θ − η g / sqrt(S + 1e-8)      (S starts at 0; one S per entry of Θ)
 * </pre>
 *
 * The mutable state is explicit and kept here: the network it came from, and every network
 * {@link #network()} returns, never changes. A network keeps its own arrays for Θ (and may cache
 * what it derives from them, as {@link Rnn} keeps Wᵀ); this class does the updates.
 *
 * @param <N> the type of network being trained
 */
public abstract class TrainingState<N> {

    /** The loss on one example at the current Θ, and its gradient ∂L/∂Θ by parameter name. */
    public record Evaluation(double loss, Params gradient) {
    }

    private final Map<String, double[][]> squares = new HashMap<>();

    protected TrainingState() {
    }

    /** The loss of {@code e} at the current Θ and ∂L/∂Θ, by full BPTT. */
    public abstract Evaluation evaluate(Example e);

    /** A new network holding a copy of the current Θ. */
    public abstract N network();

    /** Θ itself, by name (a vector as a 1-row matrix): the arrays the gradient steps write to. */
    protected abstract Map<String, double[][]> weights();

    /** Called after every step: a network re-derives here what it caches from Θ. */
    protected void changed() {
    }

    /** Θ ← Θ − η g. */
    public final void sgdStep(Params g, double learningRate) {
        for (Map.Entry<String, double[][]> e : weights().entrySet()) {
            double[][] theta = e.getValue();
            double[][] grad = g.view(e.getKey());
            for (int i = 0; i < theta.length; i++) {
                sgdRow(theta[i], grad[i], learningRate);
            }
        }
        changed();
    }

    /** S ← S + g², Θ ← Θ − η g / sqrt(S + 1e-8), with S this state's running sum of squared gradients. */
    public final void adagradStep(Params g, double learningRate) {
        for (Map.Entry<String, double[][]> e : weights().entrySet()) {
            double[][] theta = e.getValue();
            double[][] grad = g.view(e.getKey());
            double[][] s = squares.computeIfAbsent(e.getKey(), k -> new double[theta.length][theta[0].length]);
            for (int i = 0; i < theta.length; i++) {
                adagradRow(theta[i], s[i], grad[i], learningRate);
            }
        }
        changed();
    }

    /**
     * The first entry of Θ that is NaN or ±∞, as "U[0][3] = -Infinity", or null when all are finite:
     * a step with a finite gradient can still overflow Θ when η is huge.
     */
    public final String firstNonFinite() {
        for (Map.Entry<String, double[][]> e : weights().entrySet()) {
            double[][] theta = e.getValue();
            for (int i = 0; i < theta.length; i++) {
                for (int j = 0; j < theta[i].length; j++) {
                    if (!Double.isFinite(theta[i][j])) {
                        return e.getKey() + "[" + i + "][" + j + "] = " + theta[i][j];
                    }
                }
            }
        }
        return null;
    }

    /** A flat loop the JIT vectorises. */
    private static void sgdRow(double[] theta, double[] g, double learningRate) {
        for (int j = 0; j < theta.length; j++) {
            theta[j] -= learningRate * g[j];
        }
    }

    private static void adagradRow(double[] theta, double[] squares, double[] g, double learningRate) {
        for (int j = 0; j < theta.length; j++) {
            squares[j] += g[j] * g[j];
            theta[j] -= learningRate * g[j] / Math.sqrt(squares[j] + 1e-8);
        }
    }
}
