package io.github.rnnkit.gated;

import io.github.rnnkit.activation.Activations;
import io.github.rnnkit.core.Params;
import io.github.rnnkit.util.Check;
import io.github.rnnkit.util.Matrices;

import java.util.List;
import java.util.Map;

/**
 * A long short-term memory network (Hochreiter and Schmidhuber, 1997, with a forget gate),
 * h_0 = m_0 = 0:
 *
 * <pre>
 *   i_t = σ(U_i x_t + W_i h_{t-1} + b_i)      input gate:  how much of the candidate to write
 *   f_t = σ(U_f x_t + W_f h_{t-1} + b_f)      forget gate: how much of the old memory to keep
 *   q_t = σ(U_q x_t + W_q h_{t-1} + b_q)      output gate: how much of the memory to show
 *   g_t = tanh(U_g x_t + W_g h_{t-1} + b_g)   candidate, in (−1, 1): the memory can rise or fall
 *   m_t = f_t ⊙ m_{t-1} + i_t ⊙ g_t          the memory cell, an additive path: ∂m_t/∂m_{t-1} ⊃ diag(f_t)
 *   h_t = q_t ⊙ tanh(m_t),                    o_t = V h_t + c
 * </pre>
 *
 * (The literature's output gate o_t and cell c_t are q_t and m_t here: o_t is the kit's logits and
 * c its output bias.) Gates use the sigmoid because a value in (0, 1) lets all, part or nothing
 * through.
 */
public final class Lstm extends GatedNetwork<Lstm> {

    static final List<String> GATES = List.of("i", "f", "q", "g");

    /** A network with these parameters (copied), named as {@link #init} names them. */
    public Lstm(Params params) {
        this(checked(params, GATES, "Lstm"));
    }

    private Lstm(Map<String, double[][]> arrays) {
        super(arrays, GATES, true);
    }

    @Override
    Lstm over(Map<String, double[][]> arrays) {
        return new Lstm(arrays);
    }

    /** Weights from U(−1/√H, 1/√H), biases too except the forget gate's, set to {@code forgetBias}. */
    public static Params init(int hidden, int input, int output, double forgetBias, long seed) {
        Check.finite("forgetBias", forgetBias);
        return Params.of(init(GATES, hidden, input, output, seed, "f", forgetBias));
    }

    /**
     * The forward pass over xs (xs[t] = x_{t+1}) from h_0 = m_0 = 0, one {@link #step} per t:
     * i_t, f_t, q_t = σ(U_· x_t + W_· h_{t-1} + b_·), g_t = tanh(U_g x_t + W_g h_{t-1} + b_g),
     * m_t = f_t ⊙ m_{t-1} + i_t ⊙ g_t, h_t = q_t ⊙ tanh(m_t), o_t = V h_t + c.
     */
    @Override
    public Trace forward(double[][] xs) {
        return super.forward(xs);
    }

    /** Step t+1: the four gates, then m_t = f_t ⊙ m_{t-1} + i_t ⊙ g_t and h_t = q_t ⊙ tanh(m_t), one line each. */
    @Override
    void step(Trace tr, int t, double[] x) {
        double[] h = tr.hView(t), m = tr.mView(t);
        double[] i = Activations.SIGMOID.applyAll(preActivation("i", x, h));
        double[] f = Activations.SIGMOID.applyAll(preActivation("f", x, h));
        double[] q = Activations.SIGMOID.applyAll(preActivation("q", x, h));
        double[] g = Activations.TANH.applyAll(preActivation("g", x, h));
        double[] mNew = new double[h.length];
        double[] hNew = new double[h.length];
        for (int k = 0; k < h.length; k++) {
            mNew[k] = f[k] * m[k] + i[k] * g[k];
            hNew[k] = q[k] * Math.tanh(mNew[k]);
        }
        tr.record(t, x, hNew, mNew, new double[][] {i, f, q, g}, logits(hNew));
    }

    @Override
    double[] stepBack(Trace tr, int t, double[] dh, double[][] dms, Map<String, double[][]> grads) {
        double[][] gates = tr.gatesView(t);
        double[] i = gates[0], f = gates[1], q = gates[2], g = gates[3];
        double[] m = tr.mView(t + 1), mPrev = tr.mView(t);
        double[] dm = new double[dh.length];
        double[][] da = new double[4][dh.length];
        for (int k = 0; k < dh.length; k++) {
            double fromLater = t + 1 < tr.length() ? dms[t + 1][k] * tr.gatesView(t + 1)[1][k] : 0;   // ∂m_{t+1}/∂m_t = diag(f_{t+1})
            double tm = Math.tanh(m[k]);
            dm[k] = fromLater + dh[k] * q[k] * (1 - tm * tm);                  // ∂L/∂m_t
            da[0][k] = dm[k] * g[k] * i[k] * (1 - i[k]);                     // through i_t = σ(a_i)
            da[1][k] = dm[k] * mPrev[k] * f[k] * (1 - f[k]);                 // through f_t
            da[2][k] = dh[k] * tm * q[k] * (1 - q[k]);                       // through q_t
            da[3][k] = dm[k] * i[k] * (1 - g[k] * g[k]);                     // through g_t = tanh(a_g)
        }
        dms[t] = dm;
        double[] dhPrev = new double[dh.length];
        for (int n = 0; n < GATES.size(); n++) {
            Matrices.addInto(dhPrev, addGateGradients(grads, GATES.get(n), da[n], tr.xView(t), tr.hView(t)));
        }
        return dhPrev;
    }

    /** Π_{j=k+1}^{T} f_j for each k = 0..T: the gain of the memory's direct path from step k to the last. */
    public static double[][] forgetProducts(Trace tr) {
        Check.notNull("tr", tr, "the trace of an LSTM");
        if (!tr.hasMemory()) {
            throw new IllegalArgumentException("tr: expected the trace of an LSTM, got the trace of a GRU (no memory cell)");
        }
        int steps = tr.length();
        int hidden = tr.gatesView(0)[1].length;
        double[][] out = new double[steps + 1][hidden];
        java.util.Arrays.fill(out[steps], 1);
        for (int k = steps - 1; k >= 0; k--) {
            for (int u = 0; u < hidden; u++) {
                out[k][u] = out[k + 1][u] * tr.gatesView(k)[1][u];
            }
        }
        return out;
    }
}
