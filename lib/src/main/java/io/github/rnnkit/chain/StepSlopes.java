package io.github.rnnkit.chain;

import io.github.rnnkit.activation.Activation;
import io.github.rnnkit.util.Check;

/**
 * The slopes f'(z_t) of every step of a recurrent pass, the diagonal of each Jacobian
 * J_t = diag(f'(z_t)) W, after checking that W is H×H and the pre-activations zs are T×H.
 * Shared by the classes of this package that take (W, f, z_1..z_T).
 */
final class StepSlopes {

    private StepSlopes() {
    }

    /** slopes[t] = f'(z_{t+1}) entry by entry (zs[t] = z_{t+1}); W, f and zs checked, none changed. */
    static double[][] of(double[][] W, Activation f, double[][] zs) {
        int h = Check.rows("W", W);
        Check.matrix("W", W, h, h);
        Check.notNull("f", f, "an Activation");
        int steps = Check.rows("zs", zs);
        Check.matrix("zs", zs, steps, h);
        double[][] slopes = new double[steps][];
        for (int t = 0; t < steps; t++) {
            slopes[t] = f.derivativeAll(zs[t]);
        }
        return slopes;
    }
}
