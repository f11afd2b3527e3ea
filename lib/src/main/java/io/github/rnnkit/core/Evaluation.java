package io.github.rnnkit.core;

/**
 * What one evaluation of a network on one sequence gives: the loss L, its gradient ∂L/∂Θ under the
 * parameters' names, the gradients through time
 *
 * <pre>
 *   ‖∂L/∂h_t‖ for t = 1..T                 (total derivatives, through every later step)
 *   ‖∂L/∂m_t‖ for t = 1..T                 (an LSTM's memory cell only)
 * </pre>
 *
 * and the forward pass they come from ({@code Forward} for the vanilla RNN, {@code Trace} for the
 * gated cells). The vanilla {@code Rnn}, {@code Lstm}, {@code Gru} and the trainer's training states
 * all answer with this record; a mean over a mini-batch ({@link #ofBatch}) keeps loss and gradient only.
 *
 * @param <T> the type of the forward pass
 */
public record Evaluation<T>(double loss, Params gradient, double[] hiddenGradNorms, double[] cellGradNorms, T trace) {

    /** The mean loss and gradient of a mini-batch, which has no single forward pass. */
    public static Evaluation<Void> ofBatch(double loss, Params gradient) {
        return new Evaluation<>(loss, gradient, null, null, null);
    }

    /** ‖∂L/∂h_t‖ at index t − 1, a copy. */
    @Override
    public double[] hiddenGradNorms() {
        return present(hiddenGradNorms, "hiddenGradNorms", "a mean over a mini-batch has no single sequence").clone();
    }

    /** ‖∂L/∂m_t‖ at index t − 1, a copy: only an LSTM has a memory cell. */
    @Override
    public double[] cellGradNorms() {
        return present(cellGradNorms, "cellGradNorms", "only an LSTM has a memory cell").clone();
    }

    /** The forward pass these gradients come from. */
    @Override
    public T trace() {
        return present(trace, "trace", "a mean over a mini-batch has no single forward pass");
    }

    private static <V> V present(V value, String name, String why) {
        if (value == null) {
            throw new IllegalStateException(name + ": not part of this evaluation (" + why + ")");
        }
        return value;
    }
}
