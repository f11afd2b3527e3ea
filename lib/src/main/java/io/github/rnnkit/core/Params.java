package io.github.rnnkit.core;

import io.github.rnnkit.util.Check;
import io.github.rnnkit.util.Matrices;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The parameters Θ of a network by name, or a gradient ∂L/∂Θ under the same names: each a matrix,
 * a bias being a 1×n matrix. The one store of a network's numbers: a vanilla RNN's are U, W, b,
 * V, c, which {@code rnn.RnnParams} and {@code rnn.Gradients} read by letter; an LSTM's or GRU's
 * are U_g, W_g, b_g for every gate g, then V and c. Names keep the order they were given in.
 *
 * <p>Immutable: arrays are copied in and out (only {@link #taking} adopts arrays its caller gives up).
 * Shapes are checked, entries are not, since a
 * gradient may hold NaN or ±∞; {@link #with} checks that a replacement value is finite.
 */
public final class Params {

    private final Map<String, double[][]> arrays;
    private double norm = -1;

    private Params(Map<String, double[][]> arrays) {
        this.arrays = Collections.unmodifiableMap(arrays);
    }

    /** A copy of {@code arrays}, each a non-empty rectangular matrix, in the map's own order. */
    public static Params of(Map<String, double[][]> arrays) {
        return checked(arrays, Check::copy);
    }

    /**
     * {@code arrays} taken as they are, without a copy: for a network's freshly computed gradient,
     * arrays no one else holds. The caller hands them over and must not keep or change them;
     * {@link #of} is the copying form for everything else. Shapes are checked as {@link #of} does.
     */
    public static Params taking(Map<String, double[][]> arrays) {
        return checked(arrays, m -> m);
    }

    /** The set of {@code keep(m)} for every array m of {@code arrays}, each checked to be a non-empty rectangular matrix. */
    private static Params checked(Map<String, double[][]> arrays, UnaryOperator<double[][]> keep) {
        Check.notNull("arrays", arrays, "a map from names to matrices");
        Map<String, double[][]> kept = new LinkedHashMap<>();
        arrays.forEach((name, m) -> {
            Check.notNull("arrays", name, "names that are not null");
            Check.shape(name, m, m.length, Check.cols(name, m));
            kept.put(name, keep.apply(m));
        });
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("arrays: expected at least one named matrix, got none");
        }
        return new Params(kept);
    }

    /** The names, in order. */
    public List<String> names() {
        return List.copyOf(arrays.keySet());
    }

    /** The number of rows of the array called {@code name} (1 for a bias). */
    public int rows(String name) {
        return view(name).length;
    }

    /** The number of columns of the array called {@code name}. */
    public int cols(String name) {
        return view(name)[0].length;
    }

    /** A copy of the array called {@code name}. */
    public double[][] get(String name) {
        return Check.copy(view(name));
    }

    /** Every array, copied, in a new map in this set's order. */
    public Map<String, double[][]> toMap() {
        Map<String, double[][]> out = new LinkedHashMap<>();
        arrays.forEach((name, m) -> out.put(name, Check.copy(m)));
        return out;
    }

    /** The same set with {@code name} replaced by a copy of {@code value}, of the same shape and finite. */
    public Params with(String name, double[][] value) {
        double[][] old = view(name);
        Check.matrix("value", value, old.length, old[0].length);
        Map<String, double[][]> copy = new LinkedHashMap<>(arrays);
        copy.put(name, Check.copy(value));
        return new Params(copy);
    }

    /**
     * A new set holding {@code f(array)} under each name. For speed f receives this set's own
     * arrays: it must return a new array and leave its argument as it was, as
     * {@code a -> Clipping.byValue(a, 5)} does.
     */
    public Params map(UnaryOperator<double[][]> f) {
        Check.notNull("f", f, "a function from matrix to matrix");
        Map<String, double[][]> out = new LinkedHashMap<>();
        arrays.forEach((name, m) -> {
            double[][] result = f.apply(m);
            if (result == m) {
                throw new IllegalArgumentException("f: expected a new array for " + name + ", got its argument back");
            }
            Check.shape("f(" + name + ")", result, m.length, m[0].length);
            out.put(name, result);
        });
        return new Params(out);
    }

    /** Every entry times s. */
    public Params scaled(double s) {
        Check.finite("s", s);
        return map(m -> Matrices.scale(s, m));
    }

    /** ‖g‖ = sqrt(Σ over every entry of g²), the global L2 norm (computed once: the trainer and the clipping policy both ask). */
    public double norm() {
        if (norm < 0) {
            norm = Matrices.globalNorm(arrays.values().toArray(new double[0][][]));
        }
        return norm;
    }

    /** Every entry in one vector: array by array in name order, row by row. */
    public double[] flatten() {
        return Matrices.flatten(arrays.values().toArray(new double[0][][]));
    }

    /** The number of entries over all arrays. */
    public int size() {
        int n = 0;
        for (double[][] m : arrays.values()) {
            n += m.length * m[0].length;
        }
        return n;
    }

    /** The array itself, for this package's read-only use. */
    double[][] view(String name) {
        double[][] m = arrays.get(name);
        if (m == null) {
            throw new IllegalArgumentException("name: expected one of " + arrays.keySet() + ", got " + name);
        }
        return m;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Params[");
        arrays.forEach((k, v) -> s.append(k).append(' ').append(v.length).append('×').append(v[0].length).append(", "));
        return s.substring(0, s.length() - 2) + "]";
    }
}
