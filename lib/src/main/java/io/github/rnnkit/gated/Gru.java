package io.github.rnnkit.gated;

import java.util.Map;

/**
 * A gated recurrent unit (Cho et al., 2014), h_0 = 0:
 *
 * <pre>
 *   z_t = σ(W_z x_t + U_z h_{t-1} + b_z)              update gate
 *   r_t = σ(W_r x_t + U_r h_{t-1} + b_r)              reset gate
 *   n_t = tanh(W_n x_t + r_t ⊙ (U_n h_{t-1}) + b_n)   candidate
 *   h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t-1},             y_t = V h_t + c
 * </pre>
 *
 * The state is a gated average of its old value and the candidate, so ∂h_t/∂h_{t-1} ⊃ diag(z_t):
 * the same additive path as the LSTM's cell, with no separate cell and no second tanh on the output.
 */
public final class Gru extends GatedNetwork {

    static final String[] GATES = {"z", "r", "n"};

    private final Params p;

    public Gru(Params params) {
        if (params == null || !params.names().contains("Wz")) {
            throw new IllegalArgumentException("params: expected GRU parameters from Gru.init, got " + params);
        }
        this.p = params;
    }

    /** Every weight and bias from U(−1/√H, 1/√H). */
    public static Params init(int hidden, int input, int output, long seed) {
        return Cells.init(GATES, hidden, input, output, seed, null, 0);
    }

    public Params params() {
        return p;
    }

    @Override
    public Trace forward(double[][] xs) {
        Cells.checkInputs(xs, p.view("Wz")[0].length);
        int hidden = p.view("Uz").length;
        Trace tr = new Trace(xs.length, false);
        double[] h = new double[hidden];
        for (int t = 0; t < xs.length; t++) {
            double[] z = Cells.sigmoid(Cells.affine(p.view("Wz"), xs[t], p.view("Uz"), h, p.view("bz")));
            double[] r = Cells.sigmoid(Cells.affine(p.view("Wr"), xs[t], p.view("Ur"), h, p.view("br")));
            double[] un = io.github.rnnkit.util.Matrices.times(p.view("Un"), h);
            double[] an = Cells.affine(p.view("Wn"), xs[t], null, null, p.view("bn"));
            for (int k = 0; k < hidden; k++) {
                an[k] += r[k] * un[k];
            }
            double[] n = Cells.tanh(an);
            double[] hNew = new double[hidden];
            for (int k = 0; k < hidden; k++) {
                hNew[k] = (1 - z[k]) * n[k] + z[k] * h[k];
            }
            tr.record(t, xs[t], h, null, hNew, null, new double[][] {z, r, n, un},
                    Cells.affine(p.view("V"), hNew, null, null, p.view("c")));
            h = hNew;
        }
        return tr;
    }

    @Override
    Result backward(Trace tr, double loss, double[][] dOut) {
        Map<String, double[][]> g = Cells.zerosLike(p);
        int hidden = p.view("Uz").length;
        double[][] dhs = new double[tr.length()][];
        double[] dhNext = new double[hidden];
        for (int t = tr.length() - 1; t >= 0; t--) {
            Cells.addOuter(g.get("V"), dOut[t], tr.hView(t));
            Cells.addInto(g.get("c")[0], dOut[t]);
            double[] dh = Cells.transposeTimes(p.view("V"), dOut[t]);
            Cells.addInto(dh, dhNext);
            dhs[t] = dh;
            double[][] gates = tr.gatesView(t);
            double[] z = gates[0], r = gates[1], n = gates[2], un = gates[3];
            double[] hp = tr.hPrevView(t);
            double[] daz = new double[hidden], dar = new double[hidden], dan = new double[hidden], dun = new double[hidden];
            double[] dhPrev = new double[hidden];
            for (int k = 0; k < hidden; k++) {
                dan[k] = dh[k] * (1 - z[k]) * (1 - n[k] * n[k]);
                daz[k] = dh[k] * (hp[k] - n[k]) * z[k] * (1 - z[k]);
                dar[k] = dan[k] * un[k] * r[k] * (1 - r[k]);
                dun[k] = dan[k] * r[k];
                dhPrev[k] = dh[k] * z[k];
            }
            double[] x = tr.xView(t);
            Cells.addOuter(g.get("Wz"), daz, x);
            Cells.addOuter(g.get("Uz"), daz, hp);
            Cells.addInto(g.get("bz")[0], daz);
            Cells.addOuter(g.get("Wr"), dar, x);
            Cells.addOuter(g.get("Ur"), dar, hp);
            Cells.addInto(g.get("br")[0], dar);
            Cells.addOuter(g.get("Wn"), dan, x);
            Cells.addOuter(g.get("Un"), dun, hp);
            Cells.addInto(g.get("bn")[0], dan);
            Cells.addInto(dhPrev, Cells.transposeTimes(p.view("Uz"), daz));
            Cells.addInto(dhPrev, Cells.transposeTimes(p.view("Ur"), dar));
            Cells.addInto(dhPrev, Cells.transposeTimes(p.view("Un"), dun));
            dhNext = dhPrev;
        }
        return new Result(loss, new Params(g), dhs, null, tr);
    }
}
