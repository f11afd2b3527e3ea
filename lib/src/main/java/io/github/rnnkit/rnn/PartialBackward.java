package io.github.rnnkit.rnn;

import io.github.rnnkit.activation.Activation;
import io.github.rnnkit.core.Loss;
import io.github.rnnkit.util.Check;
import io.github.rnnkit.util.Matrices;

/**
 * The backward passes that truncation is made of, over one forward pass of the summed
 * cross-entropy. One pass ({@link #run}) starts at step e with ∂L/∂h_e = 0 and walks down to a
 * lowest step l, adding on the way the losses of the steps it is asked to carry:
 *
 * <pre>
 *   for s = e, e−1, …, l:   dh ← dh + Vᵀ(p_s − onehot(y_s))   if L_s is carried by this pass
 *                           δ_s = f'(z_s) ⊙ dh;   dU += δ_s x_sᵀ,  dW += δ_s h_{s−1}ᵀ,  db += δ_s
 *                           dh ← ξ_s · Wᵀ δ_s    (ξ_s = 1 unless a weight is given; at s = 1 it adds to dh_0)
 * </pre>
 *
 * dV and dc need no Jacobian, so every loss adds its terms to them once, whatever the passes.
 * Steps are numbered 1..T as in the maths. It counts the backward steps it takes: that is the cost.
 */
final class PartialBackward {

    private final double[][] xs;
    private final double[] h0;
    private final double[][] zs;
    private final double[][] hs;
    private final double[][] dos;
    private final double[][] w;
    private final double[][] v;
    private final Activation f;
    private final double[][] dU;
    private final double[][] dW;
    private final double[] db;
    private final double[][] dV;
    private final double[] dc;
    private final double[] dh0;
    private int steps;

    PartialBackward(Rnn rnn, Forward fwd, int[] targets) {
        Check.notNull("rnn", rnn, "an Rnn");
        Check.notNull("fwd", fwd, "a Forward of that Rnn");
        RnnParams params = rnn.params();
        if (fwd.h0View().length != params.hiddenSize() || fwd.xsView()[0].length != params.inputSize()
                || fwd.logitsView()[0].length != params.outputSize()) {
            throw new IllegalArgumentException("fwd: expected a forward pass of a network with H=" + params.hiddenSize()
                    + ", D=" + params.inputSize() + ", K=" + params.outputSize() + ", got H=" + fwd.h0View().length
                    + ", D=" + fwd.xsView()[0].length + ", K=" + fwd.logitsView()[0].length);
        }
        this.xs = fwd.xsView();
        this.h0 = fwd.h0View();
        this.zs = fwd.zsView();
        this.hs = fwd.hsView();
        this.dos = Loss.crossEntropy(targets).gradient(fwd.logitsView());
        this.w = params.W();
        this.v = params.V();
        this.f = rnn.activation();
        int hidden = params.hiddenSize();
        this.dU = new double[hidden][params.inputSize()];
        this.dW = new double[hidden][hidden];
        this.db = new double[hidden];
        this.dV = new double[params.outputSize()][hidden];
        this.dc = new double[params.outputSize()];
        this.dh0 = new double[hidden];
        for (int t = 0; t < dos.length; t++) {
            Matrices.addOuterInto(dV, dos[t], hs[t]);
            Matrices.addInto(dc, dos[t]);
        }
    }

    /** T. */
    int length() {
        return xs.length;
    }

    /**
     * One pass from step {@code end} down to step {@code lowest}, carrying the losses L_s for
     * {@code firstLoss} ≤ s ≤ end; {@code weights[s]} (null: all 1) multiplies what step s sends to step s − 1.
     */
    void run(int end, int firstLoss, int lowest, double[] weights) {
        double[] dh = new double[w.length];
        for (int s = end; s >= lowest; s--) {
            if (s >= firstLoss) {
                Matrices.addInto(dh, Matrices.transposeTimes(v, dos[s - 1]));
            }
            double[] slopes = f.derivativeAll(zs[s - 1]);
            double[] delta = new double[dh.length];
            for (int i = 0; i < delta.length; i++) {
                delta[i] = slopes[i] * dh[i];
            }
            Matrices.addOuterInto(dU, delta, xs[s - 1]);
            Matrices.addOuterInto(dW, delta, s == 1 ? h0 : hs[s - 2]);
            Matrices.addInto(db, delta);
            dh = Matrices.transposeTimes(w, delta);
            double weight = weights == null ? 1 : weights[s];
            for (int i = 0; i < dh.length; i++) {
                dh[i] *= weight;
            }
            if (s == 1) {
                Matrices.addInto(dh0, dh);
            }
            steps++;
        }
    }

    /** The backward steps taken so far. */
    int steps() {
        return steps;
    }

    /** Everything summed so far. */
    Gradients gradients() {
        return Gradients.of(dU, dW, db, dV, dc, dh0);
    }
}
