package io.github.rnnkit.gated;

import io.github.rnnkit.util.Matrices;

/**
 * A loss, its gradients with respect to every parameter, and the gradients through time:
 * ∂L/∂h_t for every step (and ∂L/∂c_t for an LSTM), total derivatives through all later steps.
 */
public final class Result {

    private final double loss;
    private final Params gradients;
    private final double[][] dhs;
    private final double[][] dcs;
    private final Trace trace;

    Result(double loss, Params gradients, double[][] dhs, double[][] dcs, Trace trace) {
        this.loss = loss;
        this.gradients = gradients;
        this.dhs = dhs;
        this.dcs = dcs;
        this.trace = trace;
    }

    public double loss() {
        return loss;
    }

    public Params gradients() {
        return gradients;
    }

    public Trace trace() {
        return trace;
    }

    /** ‖∂L/∂h_t‖ for t = 1..T. */
    public double[] hiddenGradNorms() {
        return norms(dhs);
    }

    /** ‖∂L/∂c_t‖ for t = 1..T (LSTM only). */
    public double[] cellGradNorms() {
        if (dcs == null) {
            throw new IllegalStateException("cellGradNorms: only an LSTM has a cell state");
        }
        return norms(dcs);
    }

    private static double[] norms(double[][] vs) {
        double[] out = new double[vs.length];
        for (int t = 0; t < vs.length; t++) {
            out[t] = Matrices.norm(vs[t]);
        }
        return out;
    }
}
