package io.github.rnnkit.rnn;

import io.github.rnnkit.activation.Activation;
import io.github.rnnkit.util.Check;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Backpropagation checked against centred finite differences,
 *
 * <pre>
 *   ∂L/∂θ ≈ (L(θ + ε) − L(θ − ε)) / 2ε,      rel(a, n) = max |a − n| / max(1e-8, |a| + |n|)
 * </pre>
 *
 * entry by entry for every parameter and for h_0 (CS231n's relative error: below 1e-7 means the
 * analytic gradient is right).
 */
public final class GradientCheck {

    /** The step ε: small enough for an O(ε²) error, large enough to keep rounding error near 1e-10. */
    public static final double EPSILON = 1e-5;

    private final Map<String, Double> errors;

    private GradientCheck(Map<String, Double> errors) {
        this.errors = errors;
    }

    /** Checks full BPTT of the summed cross-entropy over (xs, targets) starting from h0. */
    public static GradientCheck crossEntropy(RnnParams p, Activation f,
                                             double[][] xs, double[] h0, int[] targets) {
        Check.notNull("p", p, "RnnParams");
        Rnn rnn = new Rnn(p, f);
        Gradients g = rnn.bptt(rnn.forward(xs, h0), targets);
        return run(p, h0, g, (q, h) -> {
            Rnn r = new Rnn(q, f);
            return r.forward(xs, h).loss(targets);
        });
    }

    /** Checks BPTT of the last-step squared error ½‖o_T − y‖². */
    public static GradientCheck lastStepSquaredError(RnnParams p, Activation f,
                                                     double[][] xs, double[] h0, double[] target) {
        Check.notNull("p", p, "RnnParams");
        Rnn rnn = new Rnn(p, f);
        Gradients g = rnn.bpttLastStep(rnn.forward(xs, h0), target);
        return run(p, h0, g, (q, h) -> new Rnn(q, f).forward(xs, h).lastStepSquaredError(target));
    }

    private interface Loss {
        double at(RnnParams p, double[] h0);
    }

    private static GradientCheck run(RnnParams p, double[] h0, Gradients g, Loss loss) {
        double[] start = h0 == null ? new double[p.hiddenSize()] : h0.clone();
        double[][][] params = {p.U(), p.W(), {p.b()}, p.V(), {p.c()}};
        double[][][] analytic = g.parameterArrays();
        String[] names = {"U", "W", "b", "V", "c"};
        Map<String, Double> errors = new LinkedHashMap<>();
        for (int n = 0; n < names.length; n++) {
            int which = n;
            errors.put(names[n], compare(params[n], analytic[n], q -> loss.at(rebuild(params, which, q), start)));
        }
        errors.put("h0", compare(new double[][] {start}, new double[][] {g.dh0()}, q -> loss.at(p, q[0])));
        return new GradientCheck(errors);
    }

    /** The worst relative error over the entries of one array, perturbing each entry in turn. */
    private static double compare(double[][] value, double[][] analytic, ToDoubleFunction<double[][]> loss) {
        double worst = 0;
        for (int i = 0; i < value.length; i++) {
            for (int j = 0; j < value[i].length; j++) {
                double[][] plus = Check.copy(value);
                double[][] minus = Check.copy(value);
                plus[i][j] += EPSILON;
                minus[i][j] -= EPSILON;
                double numeric = (loss.applyAsDouble(plus) - loss.applyAsDouble(minus)) / (2 * EPSILON);
                double a = analytic[i][j];
                worst = Math.max(worst, Math.abs(a - numeric) / Math.max(1e-8, Math.abs(a) + Math.abs(numeric)));
            }
        }
        return worst;
    }

    private static RnnParams rebuild(double[][][] params, int which, double[][] replacement) {
        double[][][] q = params.clone();
        q[which] = replacement;
        return RnnParams.of(q[0], q[1], q[2][0], q[3], q[4][0]);
    }

    /** The worst relative error of each of U, W, b, V, c and h0. */
    public Map<String, Double> relativeErrors() {
        return new LinkedHashMap<>(errors);
    }

    /** The worst relative error over everything checked. */
    public double maxRelativeError() {
        return errors.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /** A table: parameter, worst relative error. */
    public Table table() {
        StringColumn name = StringColumn.create("parameter");
        DoubleColumn error = DoubleColumn.create("max relative error");
        errors.forEach((k, v) -> {
            name.append(k);
            error.append(v);
        });
        return Table.create("BPTT against centred finite differences", name, error);
    }

    @Override
    public String toString() {
        return "GradientCheck" + errors;
    }
}
