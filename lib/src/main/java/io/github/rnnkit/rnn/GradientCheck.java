package io.github.rnnkit.rnn;

import io.github.rnnkit.activation.Activation;
import io.github.rnnkit.core.Loss;
import io.github.rnnkit.core.Params;
import io.github.rnnkit.util.Check;
import io.github.rnnkit.util.Matrices;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Backpropagation checked against finite differences, entry by entry for every parameter:
 *
 * <pre>
 *   centred:       ∂L/∂Θ ≈ (L(Θ + ε) − L(Θ − ε)) / 2ε                                  error O(ε²)
 *   fourth order:  ∂L/∂Θ ≈ (L(Θ − 2ε) − 8 L(Θ − ε) + 8 L(Θ + ε) − L(Θ + 2ε)) / 12ε       error O(ε⁴)
 *   rel(a, n) = max |a − n| / max(1e-8, |a| + |n|)
 * </pre>
 *
 * CS231n's relative error: below 1e-7 means the analytic gradient is right. The fourth-order
 * stencil, with its larger ε, resolves gradient entries of 1e-6 beside a loss of order 1, which the
 * centred one cannot tell from rounding noise (gated cells have such entries).
 */
public final class GradientCheck {

    /** The step ε of the centred difference: small for an O(ε²) error, large enough to keep rounding error near 1e-10. */
    public static final double EPSILON = 1e-5;

    /** The step of the fourth-order difference. */
    public static final double FOURTH_ORDER_EPSILON = 1e-3;

    private final Map<String, Double> errors;
    private final boolean fourth;

    private GradientCheck(Map<String, Double> errors, boolean fourth) {
        this.errors = errors;
        this.fourth = fourth;
    }

    /** Checks full BPTT of the summed cross-entropy over (xs, targets) starting from h0, for every parameter and for h0. */
    public static GradientCheck crossEntropy(RnnParams params, Activation f, double[][] xs, double[] h0, int[] targets) {
        return rnn(params, f, xs, h0, Loss.crossEntropy(targets));
    }

    /** Checks BPTT of the last-step squared error ½‖o_T − y‖². */
    public static GradientCheck lastStepSquaredError(RnnParams params, Activation f, double[][] xs, double[] h0, double[] target) {
        return rnn(params, f, xs, h0, Loss.lastStepSquaredError(target));
    }

    /** Checks {@code analytic} = ∂loss/∂Θ at Θ = {@code at}, by centred differences of step {@link #EPSILON}. */
    public static GradientCheck of(Params at, Params analytic, ToDoubleFunction<Params> loss) {
        return new GradientCheck(compareAll(at, analytic, loss, false), false);
    }

    /** The same check with the fourth-order difference of step {@link #FOURTH_ORDER_EPSILON}. */
    public static GradientCheck fourthOrder(Params at, Params analytic, ToDoubleFunction<Params> loss) {
        return new GradientCheck(compareAll(at, analytic, loss, true), true);
    }

    private static GradientCheck rnn(RnnParams params, Activation f, double[][] xs, double[] h0, Loss loss) {
        Check.notNull("params", params, "RnnParams");
        Rnn rnn = new Rnn(params, f);
        Gradients g = rnn.bptt(rnn.forward(xs, h0), loss);
        double[] start = h0 == null ? new double[params.hiddenSize()] : h0.clone();
        Map<String, Double> errors = compareAll(params.asParams(), g.asParams(),
                q -> loss.value(new Rnn(RnnParams.of(q), f).forward(xs, start).logitsView()), false);
        Params initial = Params.of(Map.of("h0", new double[][] {start}));
        errors.putAll(compareAll(initial, Params.of(Map.of("h0", new double[][] {g.dh0()})),
                q -> loss.value(rnn.forward(xs, q.get("h0")[0]).logitsView()), false));
        return new GradientCheck(errors, false);
    }

    private static Map<String, Double> compareAll(Params at, Params analytic, ToDoubleFunction<Params> loss, boolean fourth) {
        Check.notNull("at", at, "Params");
        Check.notNull("analytic", analytic, "Params");
        Check.notNull("loss", loss, "a function from Params to a loss");
        Map<String, Double> errors = new LinkedHashMap<>();
        for (String name : at.names()) {
            double[][] value = at.get(name);
            double[][] exact = analytic.get(name);
            Check.shape("analytic", exact, value.length, value[0].length);
            double worst = 0;
            for (int i = 0; i < value.length; i++) {
                for (int j = 0; j < value[i].length; j++) {
                    double numeric = fourth ? fourthOrder(at, name, i, j, loss) : centred(at, name, i, j, loss);
                    worst = Math.max(worst, Matrices.relativeError(exact[i][j], numeric));
                }
            }
            errors.put(name, worst);
        }
        return errors;
    }

    private static double centred(Params at, String name, int i, int j, ToDoubleFunction<Params> loss) {
        return (shifted(at, name, i, j, EPSILON, loss) - shifted(at, name, i, j, -EPSILON, loss)) / (2 * EPSILON);
    }

    private static double fourthOrder(Params at, String name, int i, int j, ToDoubleFunction<Params> loss) {
        double h = FOURTH_ORDER_EPSILON;
        return (shifted(at, name, i, j, -2 * h, loss) - 8 * shifted(at, name, i, j, -h, loss)
                + 8 * shifted(at, name, i, j, h, loss) - shifted(at, name, i, j, 2 * h, loss)) / (12 * h);
    }

    /** The loss with entry (i, j) of {@code name} moved by {@code by}. */
    private static double shifted(Params at, String name, int i, int j, double by, ToDoubleFunction<Params> loss) {
        double[][] m = at.get(name);
        m[i][j] += by;
        return loss.applyAsDouble(at.with(name, m));
    }

    /** The worst relative error of each parameter (and of h0 for the RNN checks). */
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
        return Table.create("BPTT against " + (fourth ? "fourth-order" : "centred") + " finite differences", name, error);
    }

    @Override
    public String toString() {
        return "GradientCheck" + errors;
    }
}
