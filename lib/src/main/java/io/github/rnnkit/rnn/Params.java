package io.github.rnnkit.rnn;

import io.github.rnnkit.util.Check;
import io.github.rnnkit.util.Matrices;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The parameters Θ of a network by name, or a gradient ∂L/∂Θ under the same names: each a matrix,
 * a bias being a 1×n matrix. A vanilla RNN's are U, W, b, V, c ({@link RnnParams#toParams()},
 * {@link Gradients#toParams()}); an LSTM's are U_g, W_g, b_g for every gate g, then V and c.
 * Names keep the order they were given in.
 *
 * <p>Immutable: arrays are copied in and out. Shapes are checked, entries are not, since a
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
        Check.notNull("arrays", arrays, "a map from names to matrices");
        Map<String, double[][]> copy = new LinkedHashMap<>();
        arrays.forEach((name, m) -> {
            Check.notNull("arrays", name, "names that are not null");
            int cols = Check.cols(name, m);
            Check.shape(name, m, m.length, cols);
            copy.put(name, Check.copy(m));
        });
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("arrays: expected at least one named matrix, got none");
        }
        return new Params(copy);
    }

    /** Arrays that no one else holds, taken as they are: for the library's freshly computed gradients. */
    static Params wrap(Map<String, double[][]> arrays) {
        return new Params(arrays);
    }

    /** A vanilla RNN's five arrays named U, W, b, V, c (b and c as 1-row matrices), taken as they are. */
    static Params rnn(double[][] u, double[][] w, double[] b, double[][] v, double[] c) {
        Map<String, double[][]> m = new LinkedHashMap<>();
        m.put("U", u);
        m.put("W", w);
        m.put("b", new double[][] {b});
        m.put("V", v);
        m.put("c", new double[][] {c});
        return wrap(m);
    }

    /** The names, in order. */
    public List<String> names() {
        return List.copyOf(arrays.keySet());
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

    /** sqrt of the sum of every squared entry: the global L2 norm (computed once: the trainer and the clipping policy both ask). */
    public double norm() {
        if (norm < 0) {
            double[] norms = new double[arrays.size()];
            int i = 0;
            for (double[][] m : arrays.values()) {
                norms[i++] = Matrices.frobenius(m);
            }
            norm = Matrices.norm(norms);
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

    /** This set, after checking that it holds exactly a vanilla RNN's names U, W, b, V, c; {@code name} is the argument's. */
    Params checkRnnNames(String name, String what) {
        if (!new java.util.HashSet<>(arrays.keySet()).equals(java.util.Set.of("U", "W", "b", "V", "c"))) {
            throw new IllegalArgumentException(name + ": expected " + what + " named [U, W, b, V, c], got " + arrays.keySet());
        }
        return this;
    }

    /** The vector stored as the 1-row matrix {@code name}, itself. */
    double[] vector(String name) {
        double[][] m = view(name);
        if (m.length != 1) {
            throw new IllegalArgumentException(name + ": expected a vector (a 1-row matrix), got " + m.length + " rows");
        }
        return m[0];
    }

    /** The map of arrays itself (unmodifiable, its arrays not), for a training state's own arrays. */
    Map<String, double[][]> arraysView() {
        return arrays;
    }

    /** The arrays themselves in name order, for this package's read-only use. */
    List<double[][]> views() {
        return new ArrayList<>(arrays.values());
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Params[");
        arrays.forEach((k, v) -> s.append(k).append(' ').append(v.length).append('×').append(v[0].length).append(", "));
        return s.substring(0, s.length() - 2) + "]";
    }
}
