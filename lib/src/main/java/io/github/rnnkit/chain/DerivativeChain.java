package io.github.rnnkit.chain;

import io.github.rnnkit.activation.Activation;
import io.github.rnnkit.util.Check;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * A chain of n single-neuron layers, the classic picture of vanishing gradients:
 *
 * <pre>
 *   a_0 = input,   z_j = w_j a_{j-1} + b_j,   a_j = f(z_j),   j = 1..n
 *   ∂C/∂b_j = f'(z_j) · w_{j+1} f'(z_{j+1}) · … · w_n f'(z_n) · ∂C/∂a_n
 * </pre>
 *
 * Each layer between b_j and the output contributes one factor w_k·f'(z_k); with the sigmoid
 * every such factor is at most |w_k|/4 in size.
 */
public final class DerivativeChain {

    private final Activation f;
    private final double[] w;
    private final double[] b;
    private final double[] z;
    private final double[] a;

    private DerivativeChain(Activation f, double[] w, double[] b, double[] z, double[] a) {
        this.f = f;
        this.w = w;
        this.b = b;
        this.z = z;
        this.a = a;
    }

    /** The chain with weights w_1..w_n and biases b_1..b_n, run forward from a_0 = input. */
    public static DerivativeChain of(Activation f, double[] weights, double[] biases, double input) {
        if (f == null) {
            throw new IllegalArgumentException("f: expected an Activation, got null");
        }
        if (weights == null || weights.length == 0) {
            throw new IllegalArgumentException("weights: expected at least one weight, got "
                    + (weights == null ? "null" : "none"));
        }
        Check.vector("weights", weights, weights.length);
        Check.vector("biases", biases, weights.length);
        Check.finite("input", input);
        int n = weights.length;
        double[] z = new double[n];
        double[] a = new double[n + 1];
        a[0] = input;
        for (int j = 0; j < n; j++) {
            z[j] = weights[j] * a[j] + biases[j];
            a[j + 1] = f.apply(z[j]);
        }
        return new DerivativeChain(f, weights.clone(), biases.clone(), z, a);
    }

    /** n, the number of layers. */
    public int layers() {
        return w.length;
    }

    /** z_1..z_n. */
    public double[] preActivations() {
        return z.clone();
    }

    /** a_0..a_n (a_0 is the input). */
    public double[] activations() {
        return a.clone();
    }

    /** The output a_n. */
    public double output() {
        return a[a.length - 1];
    }

    /** w_j·f'(z_j) for j = 1..n: the factor layer j contributes to the gradients of earlier layers. */
    public double[] factors() {
        double[] out = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            out[j] = w[j] * f.derivative(z[j]);
        }
        return out;
    }

    /** ∂C/∂b_j for j = 1..n, given ∂C/∂a_n = upstream. */
    public double[] biasGradients(double upstream) {
        Check.finite("upstream", upstream);
        double[] grads = new double[w.length];
        double back = upstream;
        for (int j = w.length - 1; j >= 0; j--) {
            grads[j] = f.derivative(z[j]) * back;
            back = grads[j] * w[j];
        }
        return grads;
    }

    /** ∂a_n/∂a_j for j = 0..n: the product of the factors of layers j+1..n (1 for j = n). */
    public double[] runningProducts() {
        double[] factors = factors();
        double[] out = new double[w.length + 1];
        out[w.length] = 1;
        for (int j = w.length - 1; j >= 0; j--) {
            out[j] = out[j + 1] * factors[j];
        }
        return out;
    }

    /** The product formula for ∂C/∂b_1, e.g. "∂C/∂b₁ = σ'(z₁)·w₂·σ'(z₂)·∂C/∂a₂", in the activation's symbol. */
    public String formula() {
        String d = symbol() + "'";
        StringBuilder s = new StringBuilder("∂C/∂b₁ = ").append(d).append("(z₁)");
        for (int j = 2; j <= w.length; j++) {
            s.append("·w").append(sub(j)).append("·").append(d).append("(z").append(sub(j)).append(")");
        }
        return s.append("·∂C/∂a").append(sub(w.length)).toString();
    }

    /** The same product with the numbers of this chain filled in, and its value. */
    public String formulaWithNumbers(double upstream) {
        Check.finite("upstream", upstream);
        StringBuilder s = new StringBuilder("∂C/∂b₁ = ").append(fmt(f.derivative(z[0])));
        for (int j = 1; j < w.length; j++) {
            s.append(" · ").append(fmt(w[j])).append(" · ").append(fmt(f.derivative(z[j])));
        }
        return s.append(" · ").append(fmt(upstream)).append(" = ").append(fmt(biasGradients(upstream)[0])).toString();
    }

    /** Per layer: j, w_j, z_j, f'(z_j), w_j·f'(z_j), ∂a_n/∂a_{j-1} and ∂C/∂b_j. */
    public Table table(double upstream) {
        Check.finite("upstream", upstream);
        int n = w.length;
        IntColumn layer = IntColumn.create("layer j");
        for (int j = 1; j <= n; j++) {
            layer.append(j);
        }
        double[] dz = f.derivativeAll(z);
        double[] products = runningProducts();
        double[] fromInput = new double[n];
        System.arraycopy(products, 0, fromInput, 0, n);
        return Table.create("The derivative chain, layer by layer", layer,
                DoubleColumn.create("w_j", w), DoubleColumn.create("z_j", z), DoubleColumn.create("f'(z_j)", dz),
                DoubleColumn.create("w_j·f'(z_j)", factors()), DoubleColumn.create("∂a_n/∂a_(j-1)", fromInput),
                DoubleColumn.create("∂C/∂b_j", biasGradients(upstream)));
    }

    private String symbol() {
        return switch (f.name()) {
            case "sigmoid" -> "σ";
            case "tanh" -> "tanh";
            default -> "f";
        };
    }

    private static String sub(int j) {
        StringBuilder s = new StringBuilder();
        for (char ch : Integer.toString(j).toCharArray()) {
            s.append((char) ('₀' + (ch - '0')));
        }
        return s.toString();
    }

    private static String fmt(double x) {
        return String.format("%.4g", x);
    }
}
