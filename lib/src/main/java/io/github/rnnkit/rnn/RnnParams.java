package io.github.rnnkit.rnn;

import io.github.rnnkit.core.Params;
import io.github.rnnkit.util.Check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of a vanilla RNN, for hidden size H, input size D and output size K:
 *
 * <pre>
 *   z_t = U x_t + W h_{t-1} + b        U: H×D, W: H×H, b: H
 *   o_t = V h_t + c                    V: K×H, c: K
 * </pre>
 *
 * A view by letter over one {@link Params} named U, W, b, V, c (b and c as 1-row matrices), which
 * {@link #asParams()} hands back as it is: the trainer, the clipping policies and the gradient
 * check work on that. Immutable: every accessor returns a fresh copy.
 */
public final class RnnParams {

    /** The names of a vanilla RNN's arrays, in order. */
    static final List<String> NAMES = List.of("U", "W", "b", "V", "c");

    private final Params params;

    private RnnParams(Params params) {
        this.params = params;
    }

    /** Validates the shapes and finiteness of every parameter and copies them. */
    public static RnnParams of(double[][] U, double[][] W, double[] b, double[][] V, double[] c) {
        check(U, W, b, V, c);
        return new RnnParams(named(U, W, b, V, c));
    }

    /** The view over {@code params}, which must hold exactly U, W, b, V, c, of an RNN's shapes and finite. */
    public static RnnParams of(Params params) {
        checkNames("params", params, "parameters");
        double[][] u = params.get("U"), w = params.get("W"), v = params.get("V");   // copies, kept as they are
        double[] b = row("b", params), c = row("c", params);
        check(u, w, b, v, c);
        return new RnnParams(Params.taking(byLetter(u, w, b, v, c)));
    }

    /** U: H×D, W: H×H, b: H, V: K×H, c: K, every entry finite. */
    private static void check(double[][] U, double[][] W, double[] b, double[][] V, double[] c) {
        int h = Check.rows("W", W);
        Check.matrix("W", W, h, h);
        int d = Check.cols("U", U);
        Check.matrix("U", U, h, d);
        Check.vector("b", b, h);
        int k = Check.rows("V", V);
        Check.matrix("V", V, k, h);
        Check.vector("c", c, k);
    }

    /**
     * The view over a trained network's arrays, whose weights may have stopped being finite when
     * its run diverged: only the shapes were checked, when training began.
     */
    static RnnParams trained(Params params) {
        return new RnnParams(params);
    }

    /** U, W, b, V, c by name (b and c as 1-row matrices), the one store these letters read. */
    public Params asParams() {
        return params;
    }

    public double[][] U() {
        return params.get("U");
    }

    public double[][] W() {
        return params.get("W");
    }

    public double[] b() {
        return row("b", params);
    }

    public double[][] V() {
        return params.get("V");
    }

    public double[] c() {
        return row("c", params);
    }

    /** H, the number of hidden units. */
    public int hiddenSize() {
        return params.rows("W");
    }

    /** D, the length of each input vector x_t. */
    public int inputSize() {
        return params.cols("U");
    }

    /** K, the number of output classes. */
    public int outputSize() {
        return params.rows("V");
    }

    /** U, W, b, V, c as one Params (b and c as 1-row matrices), copied. */
    static Params named(double[][] u, double[][] w, double[] b, double[][] v, double[] c) {
        return Params.of(byLetter(u, w, b, v, c));
    }

    /** The five arrays themselves under the names U, W, b, V, c (b and c as 1-row matrices). */
    static Map<String, double[][]> byLetter(double[][] u, double[][] w, double[] b, double[][] v, double[] c) {
        Map<String, double[][]> m = new LinkedHashMap<>();
        m.put("U", u);
        m.put("W", w);
        m.put("b", new double[][] {b});
        m.put("V", v);
        m.put("c", new double[][] {c});
        return m;
    }

    /** The vector stored as the 1-row matrix {@code name}. */
    static double[] row(String name, Params params) {
        double[][] m = params.get(name);
        if (m.length != 1) {
            throw new IllegalArgumentException(name + ": expected a vector (a 1-row matrix), got " + m.length + " rows");
        }
        return m[0];
    }

    /** {@code params} after checking that it holds exactly a vanilla RNN's names U, W, b, V, c. */
    static Params checkNames(String argument, Params params, String what) {
        Check.notNull(argument, params, what + " named " + NAMES);
        if (!Set.copyOf(params.names()).equals(Set.copyOf(NAMES))) {
            throw new IllegalArgumentException(argument + ": expected " + what + " named " + NAMES + ", got " + params.names());
        }
        return params;
    }

    @Override
    public String toString() {
        return "RnnParams[H=" + hiddenSize() + ", D=" + inputSize() + ", K=" + outputSize() + "]";
    }
}
