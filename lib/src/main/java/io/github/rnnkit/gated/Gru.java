package io.github.rnnkit.gated;

import io.github.rnnkit.activation.Activations;
import io.github.rnnkit.core.Params;
import io.github.rnnkit.util.Check;
import io.github.rnnkit.util.Matrices;

import java.util.List;
import java.util.Map;

/**
 * A gated recurrent unit (Cho et al., 2014), h_0 = 0, in the variant PyTorch and cuDNN use, with
 * the reset gate applied after the recurrent matrix:
 *
 * <pre>
 *   u_t = σ(U_u x_t + W_u h_{t-1} + b_u)                update gate
 *   r_t = σ(U_r x_t + W_r h_{t-1} + b_r)                reset gate
 *   n_t = tanh(U_n x_t + r_t ⊙ (W_n h_{t-1}) + b_n)     candidate
 *   h_t = (1 − u_t) ⊙ n_t + u_t ⊙ h_{t-1},              o_t = V h_t + c
 * </pre>
 *
 * (Cho et al. reset before the matrix, W_n (r_t ⊙ h_{t-1}); the literature's update gate z_t is
 * u_t here, z being the kit's pre-activation.) The state is a gated average of its old value and
 * the candidate, so ∂h_t/∂h_{t-1} ⊃ diag(u_t): the same additive path as the LSTM's memory cell,
 * with no separate cell and no second tanh on the output.
 */
public final class Gru extends GatedNetwork<Gru> {

    static final List<String> GATES = List.of("u", "r", "n");

    /** A network with these parameters (copied), named as {@link #init} names them. */
    public Gru(Params params) {
        this(checked(params, GATES, "Gru"));
    }

    private Gru(Map<String, double[][]> arrays) {
        super(arrays, GATES, false);
    }

    @Override
    Gru over(Map<String, double[][]> arrays) {
        return new Gru(arrays);
    }

    /** Every weight and bias from U(−1/√H, 1/√H). */
    public static Params init(int hidden, int input, int output, long seed) {
        return Params.of(init(GATES, hidden, input, output, seed, null, 0));
    }

    /** The same, with the update gate's biases set to {@code updateBias} (large: keep the old state). */
    public static Params init(int hidden, int input, int output, double updateBias, long seed) {
        Check.finite("updateBias", updateBias);
        return Params.of(init(GATES, hidden, input, output, seed, "u", updateBias));
    }

    /**
     * The forward pass over xs (xs[t] = x_{t+1}) from h_0 = 0, one {@link #step} per t:
     * u_t, r_t = σ(U_· x_t + W_· h_{t-1} + b_·), n_t = tanh(U_n x_t + r_t ⊙ (W_n h_{t-1}) + b_n),
     * h_t = (1 − u_t) ⊙ n_t + u_t ⊙ h_{t-1}, o_t = V h_t + c.
     */
    @Override
    public Trace forward(double[][] xs) {
        return super.forward(xs);
    }

    /** Step t+1: the gates u_t and r_t, the candidate n_t, then h_t = (1 − u_t) ⊙ n_t + u_t ⊙ h_{t-1}. */
    @Override
    void step(Trace tr, int t, double[] x) {
        double[] h = tr.hView(t);
        double[] u = Activations.SIGMOID.applyAll(preActivation("u", x, h));
        double[] r = Activations.SIGMOID.applyAll(preActivation("r", x, h));
        double[] wh = Matrices.times(weight("Wn"), h);
        double[] an = Matrices.times(weight("Un"), x);
        Matrices.addInto(an, weight("bn")[0]);
        for (int k = 0; k < h.length; k++) {
            an[k] += r[k] * wh[k];
        }
        double[] n = Activations.TANH.applyAll(an);
        double[] hNew = new double[h.length];
        for (int k = 0; k < h.length; k++) {
            hNew[k] = (1 - u[k]) * n[k] + u[k] * h[k];
        }
        // W_n h_{t-1} is kept beside the gates for the backward pass; it is no gate (Trace.gate stops before it).
        tr.record(t, x, hNew, null, new double[][] {u, r, n, wh}, logits(hNew));
    }

    @Override
    double[] stepBack(Trace tr, int t, double[] dh, double[][] dms, Map<String, double[][]> grads) {
        double[][] gates = tr.gatesView(t);
        double[] u = gates[0], r = gates[1], n = gates[2], wh = gates[3];
        double[] hp = tr.hView(t);
        int hidden = dh.length;
        double[] dau = new double[hidden], dar = new double[hidden], dan = new double[hidden], dwh = new double[hidden];
        double[] dhPrev = new double[hidden];
        for (int k = 0; k < hidden; k++) {
            dan[k] = dh[k] * (1 - u[k]) * (1 - n[k] * n[k]);        // through n_t = tanh(a_n)
            dau[k] = dh[k] * (hp[k] - n[k]) * u[k] * (1 - u[k]);    // through u_t
            dar[k] = dan[k] * wh[k] * r[k] * (1 - r[k]);            // through r_t, which scales W_n h_{t-1}
            dwh[k] = dan[k] * r[k];                                  // ∂L/∂(W_n h_{t-1})
            dhPrev[k] = dh[k] * u[k];                                // the direct path u_t ⊙ h_{t-1}
        }
        double[] x = tr.xView(t);
        Matrices.addInto(dhPrev, addGateGradients(grads, "u", dau, x, hp));
        Matrices.addInto(dhPrev, addGateGradients(grads, "r", dar, x, hp));
        Matrices.addOuterInto(grads.get("Un"), dan, x);
        Matrices.addOuterInto(grads.get("Wn"), dwh, hp);
        Matrices.addInto(grads.get("bn")[0], dan);
        Matrices.addInto(dhPrev, Matrices.transposeTimes(weight("Wn"), dwh));
        return dhPrev;
    }
}
