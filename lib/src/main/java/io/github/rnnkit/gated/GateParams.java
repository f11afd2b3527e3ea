package io.github.rnnkit.gated;

import io.github.rnnkit.core.Params;
import io.github.rnnkit.util.Check;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of a gated network by letter, or their gradients under the same letters: for
 * every gate g (an LSTM's i, f, q, g; a GRU's u, r, n)
 *
 * <pre>
 *   U_g x_t + W_g h_{t−1} + b_g          U_g: H×D, W_g: H×H, b_g: H
 *   o_t = V h_t + c                      V: K×H, c: K
 * </pre>
 *
 * A view over one {@link Params} named "U" + g, "W" + g, "b" + g, then "V" and "c", which
 * {@link #asParams()} hands back as it is. Immutable: every accessor returns a copy.
 */
public final class GateParams {

    private final Params params;
    private final List<String> gates;

    private GateParams(Params params, List<String> gates) {
        this.params = params;
        this.gates = gates;
    }

    /** The view over an LSTM's parameters, or their gradient (as {@link Lstm#init} names them). */
    public static GateParams lstm(Params params) {
        return of(params, Lstm.GATES, "Lstm");
    }

    /** The view over a GRU's parameters, or their gradient (as {@link Gru#init} names them). */
    public static GateParams gru(Params params) {
        return of(params, Gru.GATES, "Gru");
    }

    /** The view, after checking the names are exactly U_g, W_g, b_g for every gate and V, c, of consistent shapes. */
    static GateParams of(Params params, List<String> gates, String network) {
        List<String> expected = new ArrayList<>();
        for (String gate : gates) {
            expected.addAll(List.of("U" + gate, "W" + gate, "b" + gate));
        }
        expected.addAll(List.of("V", "c"));
        if (params == null || !params.names().equals(expected)) {
            throw new IllegalArgumentException("params: expected " + network + " parameters " + expected + " (from "
                    + network + ".init), got " + (params == null ? "null" : params.names()));
        }
        int hidden = params.cols("V");
        int input = params.cols("U" + gates.get(0));
        for (String gate : gates) {
            Check.shape("U" + gate, params.get("U" + gate), hidden, input);
            Check.shape("W" + gate, params.get("W" + gate), hidden, hidden);
            Check.shape("b" + gate, params.get("b" + gate), 1, hidden);
        }
        Check.shape("c", params.get("c"), 1, params.rows("V"));
        return new GateParams(params, gates);
    }

    /** The parameters (or gradients) by name, the one store these letters read. */
    public Params asParams() {
        return params;
    }

    /** The gate letters, in order. */
    public List<String> gates() {
        return gates;
    }

    /** U_g, gate g's input weights. */
    public double[][] U(String gate) {
        return params.get("U" + known(gate));
    }

    /** W_g, gate g's recurrent weights. */
    public double[][] W(String gate) {
        return params.get("W" + known(gate));
    }

    /** b_g, gate g's bias. */
    public double[] b(String gate) {
        return params.get("b" + known(gate))[0];
    }

    public double[][] V() {
        return params.get("V");
    }

    public double[] c() {
        return params.get("c")[0];
    }

    private String known(String gate) {
        if (!gates.contains(gate)) {
            throw new IllegalArgumentException("gate: expected one of the gates " + gates + ", got " + gate);
        }
        return gate;
    }

    @Override
    public String toString() {
        return "GateParams" + gates + "[H=" + params.cols("V") + ", D=" + params.cols("U" + gates.get(0)) + ", K="
                + params.rows("V") + "]";
    }
}
