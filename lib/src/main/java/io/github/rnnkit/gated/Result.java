package io.github.rnnkit.gated;

import io.github.rnnkit.rnn.Params;
import io.github.rnnkit.util.Matrices;

/**
 * A loss, its gradients with respect to every parameter (named as the parameters are), and the
 * gradients through time: ∂L/∂h_t for every step, and ∂L/∂m_t for an LSTM's memory cell, total
 * derivatives through all later steps.
 */
public final class Result {

    private final double loss;
    private final Params gradients;
    private final double[][] dhs;
    private final double[][] dms;
    private final Trace trace;

    Result(double loss, Params gradients, double[][] dhs, double[][] dms, Trace trace) {
        this.loss = loss;
        this.gradients = gradients;
        this.dhs = dhs;
        this.dms = dms;
        this.trace = trace;
    }

    public double loss() {
        return loss;
    }

    /** ∂L/∂Θ for every parameter Θ, under Θ's name. */
    public Params gradients() {
        return gradients;
    }

    /** The forward pass these gradients come from. */
    public Trace trace() {
        return trace;
    }

    /** ‖∂L/∂h_t‖ for t = 1..T. */
    public double[] hiddenGradNorms() {
        return norms(dhs);
    }

    /** ‖∂L/∂m_t‖ for t = 1..T, the memory cell's (LSTM only). */
    public double[] cellGradNorms() {
        if (dms == null) {
            throw new IllegalStateException("cellGradNorms: only an LSTM has a memory cell");
        }
        return norms(dms);
    }

    private static double[] norms(double[][] vs) {
        double[] out = new double[vs.length];
        for (int t = 0; t < vs.length; t++) {
            out[t] = Matrices.norm(vs[t]);
        }
        return out;
    }
}
