package io.github.rnnkit.gated;

/**
 * A recurrent network with gated cells and a linear output y_t = V h_t + c, trained with either
 * loss of the kit:
 *
 * <pre>
 *   per step:   L = Σ_t −log softmax(y_t)[y*_t]
 *   last step:  L = ½ ‖y_T − y*‖²
 * </pre>
 *
 * Subclasses give the cell's forward pass and its backward pass from ∂L/∂y_t.
 */
public abstract class GatedNetwork {

    GatedNetwork() {
    }

    /** The forward pass over xs (xs[t] = x_{t+1}). */
    public abstract Trace forward(double[][] xs);

    /** Backpropagation through time from ∂L/∂y_t of every step. */
    abstract Result backward(Trace trace, double loss, double[][] dOut);

    /** The per-step cross-entropy and its gradients. */
    public Result crossEntropy(double[][] xs, int[] targets) {
        Trace tr = forward(xs);
        return backward(tr, Cells.crossEntropy(tr.outputsView(), targets), Cells.crossEntropyGradients(tr.outputsView(), targets));
    }

    /** The last step's squared error and its gradients. */
    public Result lastStepSquaredError(double[][] xs, double[] target) {
        Trace tr = forward(xs);
        return backward(tr, Cells.lastStepSquaredError(tr.outputsView(), target), Cells.lastStepGradients(tr.outputsView(), target));
    }
}
