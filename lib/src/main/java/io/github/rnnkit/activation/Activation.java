package io.github.rnnkit.activation;

import io.github.rnnkit.util.Check;

/**
 * An element-wise activation a = f(z) with its derivative f'(z).
 *
 * <p>In the recurrence h_t = f(U x_t + W h_{t-1} + b) every backward step multiplies the
 * gradient by diag(f'(z_t)) W, so the supremum γ = sup_z |f'(z)| bounds how much the activation
 * can let a gradient grow (Pascanu, Mikolov and Bengio, 2013: γ = 1/4 for the sigmoid, 1 for tanh).
 */
public interface Activation {

    /** f(z). */
    double apply(double z);

    /** f'(z); where f has a kink the library takes the left-hand value, as PyTorch does. */
    double derivative(double z);

    /** f applied to every entry of z: a new vector, z untouched. */
    default double[] applyAll(double[] z) {
        Check.notNull("z", z, "a vector");
        double[] a = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            a[i] = apply(z[i]);
        }
        return a;
    }

    /** f' at every entry of z: the diagonal of ∂f(z)/∂z, a new vector. */
    default double[] derivativeAll(double[] z) {
        Check.notNull("z", z, "a vector");
        double[] d = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            d[i] = derivative(z[i]);
        }
        return d;
    }

    /** A short lower-case name such as {@code "sigmoid"}, used in tables and legends. */
    String name();

    /**
     * γ = sup_z |f'(z)|. The built-in activations return the exact value; for any other
     * implementation this default scans z in [-50, 50] in steps of 1e-3, which finds the
     * supremum of any derivative that varies on a scale larger than the step.
     */
    default double maxDerivative() {
        double sup = 0;
        for (int i = -50_000; i <= 50_000; i++) {
            sup = Math.max(sup, Math.abs(derivative(i * 1e-3)));
        }
        return sup;
    }
}
