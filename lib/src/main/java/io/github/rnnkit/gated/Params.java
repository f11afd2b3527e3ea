package io.github.rnnkit.gated;

import io.github.rnnkit.util.Check;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The named weight matrices of a gated cell (biases are 1-row matrices), or their gradients.
 * Immutable: every accessor returns a copy, and {@link #with} makes a new set.
 */
public final class Params {

    private final Map<String, double[][]> arrays;

    Params(Map<String, double[][]> arrays) {
        this.arrays = arrays;
    }

    /** The names, in a fixed order. */
    public Set<String> names() {
        return java.util.Collections.unmodifiableSet(arrays.keySet());
    }

    /** A copy of the matrix called {@code name}. */
    public double[][] get(String name) {
        return Check.copy(view(name));
    }

    /** The same set with {@code name} replaced by a copy of {@code value} of the same shape. */
    public Params with(String name, double[][] value) {
        double[][] old = view(name);
        Check.matrix("value", value, old.length, old[0].length);
        Map<String, double[][]> copy = new LinkedHashMap<>(arrays);
        copy.put(name, Check.copy(value));
        return new Params(copy);
    }

    /** sqrt of the sum of every squared entry. */
    public double norm() {
        double[] norms = arrays.values().stream().mapToDouble(io.github.rnnkit.util.Matrices::frobenius).toArray();
        return io.github.rnnkit.util.Matrices.norm(norms);
    }

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
