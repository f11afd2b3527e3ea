package io.github.rnnkit.gated;

import io.github.rnnkit.util.Check;

import java.util.Map;

/**
 * A long short-term memory network (Hochreiter and Schmidhuber, 1997, with a forget gate), h_0 = c_0 = 0:
 *
 * <pre>
 *   i_t = σ(W_i x_t + U_i h_{t-1} + b_i)     input gate:  how much of the candidate to write
 *   f_t = σ(W_f x_t + U_f h_{t-1} + b_f)     forget gate: how much of the old cell to keep
 *   o_t = σ(W_o x_t + U_o h_{t-1} + b_o)     output gate: how much of the cell to show
 *   g_t = tanh(W_g x_t + U_g h_{t-1} + b_g)  candidate, in (−1, 1): the cell can rise or fall
 *   c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t         the additive cell path: ∂c_t/∂c_{t-1} ⊃ diag(f_t)
 *   h_t = o_t ⊙ tanh(c_t),                    y_t = V h_t + c
 * </pre>
 *
 * Gates use the sigmoid because a value in (0, 1) lets all, part or nothing through.
 */
public final class Lstm extends GatedNetwork {

    static final String[] GATES = {"i", "f", "o", "g"};

    private final Params p;

    public Lstm(Params params) {
        if (params == null || !params.names().contains("Wf")) {
            throw new IllegalArgumentException("params: expected LSTM parameters from Lstm.init, got " + params);
        }
        this.p = params;
    }

    /** Weights from U(−1/√H, 1/√H), biases too except the forget gate's, set to {@code forgetBias}. */
    public static Params init(int hidden, int input, int output, double forgetBias, long seed) {
        Check.finite("forgetBias", forgetBias);
        return Cells.init(GATES, hidden, input, output, seed, "f", forgetBias);
    }

    public Params params() {
        return p;
    }

    @Override
    public Trace forward(double[][] xs) {
        Cells.checkInputs(xs, p.view("Wi")[0].length);
        int steps = xs.length;
        int hidden = p.view("Ui").length;
        Trace tr = new Trace(steps, true);
        double[] h = new double[hidden];
        double[] c = new double[hidden];
        for (int t = 0; t < steps; t++) {
            double[] i = Cells.sigmoid(Cells.affine(p.view("Wi"), xs[t], p.view("Ui"), h, p.view("bi")));
            double[] f = Cells.sigmoid(Cells.affine(p.view("Wf"), xs[t], p.view("Uf"), h, p.view("bf")));
            double[] o = Cells.sigmoid(Cells.affine(p.view("Wo"), xs[t], p.view("Uo"), h, p.view("bo")));
            double[] g = Cells.tanh(Cells.affine(p.view("Wg"), xs[t], p.view("Ug"), h, p.view("bg")));
            double[] cNew = new double[hidden];
            double[] hNew = new double[hidden];
            for (int k = 0; k < hidden; k++) {
                cNew[k] = f[k] * c[k] + i[k] * g[k];
                hNew[k] = o[k] * Math.tanh(cNew[k]);
            }
            tr.record(t, xs[t], h, c, hNew, cNew, new double[][] {i, f, o, g},
                    Cells.affine(p.view("V"), hNew, null, null, p.view("c")));
            h = hNew;
            c = cNew;
        }
        return tr;
    }

    @Override
    Result backward(Trace tr, double loss, double[][] dOut) {
        Map<String, double[][]> g = Cells.zerosLike(p);
        int steps = tr.length();
        int hidden = p.view("Ui").length;
        double[][] dhs = new double[steps][];
        double[][] dcs = new double[steps][];
        double[] dhNext = new double[hidden];
        double[] dcNext = new double[hidden];
        for (int t = steps - 1; t >= 0; t--) {
            Cells.addOuter(g.get("V"), dOut[t], tr.hView(t));
            Cells.addInto(g.get("c")[0], dOut[t]);
            double[] dh = Cells.transposeTimes(p.view("V"), dOut[t]);
            Cells.addInto(dh, dhNext);
            double[][] gates = tr.gatesView(t);
            double[] i = gates[0], f = gates[1], o = gates[2], cand = gates[3];
            double[] c = tr.cView(t), cPrev = tr.cPrevView(t);
            double[] dc = dcNext.clone();
            double[][] da = new double[4][hidden];
            for (int k = 0; k < hidden; k++) {
                double tc = Math.tanh(c[k]);
                dc[k] += dh[k] * o[k] * (1 - tc * tc);
                da[0][k] = dc[k] * cand[k] * i[k] * (1 - i[k]);
                da[1][k] = dc[k] * cPrev[k] * f[k] * (1 - f[k]);
                da[2][k] = dh[k] * tc * o[k] * (1 - o[k]);
                da[3][k] = dc[k] * i[k] * (1 - cand[k] * cand[k]);
            }
            dhs[t] = dh;
            dcs[t] = dc;
            double[] dhPrev = new double[hidden];
            for (int n = 0; n < GATES.length; n++) {
                String gate = GATES[n];
                Cells.addOuter(g.get("W" + gate), da[n], tr.xView(t));
                Cells.addOuter(g.get("U" + gate), da[n], tr.hPrevView(t));
                Cells.addInto(g.get("b" + gate)[0], da[n]);
                Cells.addInto(dhPrev, Cells.transposeTimes(p.view("U" + gate), da[n]));
            }
            dcNext = new double[hidden];
            for (int k = 0; k < hidden; k++) {
                dcNext[k] = dc[k] * f[k];
            }
            dhNext = dhPrev;
        }
        return new Result(loss, new Params(g), dhs, dcs, tr);
    }

    /** Π_{j=k+1}^{T} f_j for each k: the gain of the cell's direct path from step k to the last. */
    public static double[][] forgetProducts(Trace tr) {
        Check.notNull("tr", tr, "the trace of an LSTM");
        if (!tr.hasCell()) {
            throw new IllegalArgumentException("tr: expected the trace of an LSTM, got the trace of a GRU (no cell state)");
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
