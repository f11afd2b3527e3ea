package io.github.rnnkit.core;

import io.github.rnnkit.util.Check;

import java.util.Map;
import java.util.function.Function;

/**
 * A network in training: a private, mutable copy of its parameters Θ that the optimiser's steps
 * change in place, array by array, with g the gradient (after clipping) under the same names:
 *
 * <pre>
 *   update(g, rule):   rule(name, Θ_name, g_name) for every parameter array, then the network refreshes its caches
 * </pre>
 *
 * The rules themselves (SGD, momentum, RMSProp, Adam, Adagrad) and the state they carry from step
 * to step live in {@code io.github.rnnkit.train}. The mutable state is explicit and kept here: the
 * network it came from, and every network {@link #network()} returns, never changes. A network
 * keeps its own arrays for Θ (and may cache what it derives from them, as the vanilla {@code Rnn} keeps Wᵀ).
 *
 * @param <N> the type of network being trained
 */
public abstract class TrainingState<N> {

    /** What an optimiser does to one parameter array: reads its gradient and changes Θ in place. */
    @FunctionalInterface
    public interface ArrayUpdate {
        /** Changes {@code theta}, the parameter called {@code name}, in place; {@code gradient} is read only. */
        void apply(String name, double[][] theta, double[][] gradient);
    }

    protected TrainingState() {
    }

    /** The loss of {@code e} at the current Θ and ∂L/∂Θ, by full BPTT. */
    public abstract Evaluation<?> evaluate(Example e);

    /** A new network holding a copy of the current Θ. */
    public abstract N network();

    /** Θ itself, by name (a vector as a 1-row matrix): the arrays the updates write to. */
    protected abstract Map<String, double[][]> weights();

    /** Called after every update: a network re-derives here what it caches from Θ. */
    protected void changed() {
    }

    /**
     * One update of Θ: {@code rule} is handed every parameter array with its gradient from {@code g}
     * (which must hold every name of Θ), in Θ's order, and may change only the array it is handed.
     */
    public final void update(Params g, ArrayUpdate rule) {
        if (g == null || !g.names().containsAll(weights().keySet())) {
            throw new IllegalArgumentException("g: expected a gradient named " + weights().keySet() + ", got "
                    + (g == null ? "null" : g.names()));
        }
        if (rule == null) {
            throw new IllegalArgumentException("rule: expected an ArrayUpdate (an optimiser's step), got null");
        }
        for (Map.Entry<String, double[][]> e : weights().entrySet()) {
            double[][] theta = e.getValue();
            double[][] grad = g.view(e.getKey());
            Check.shape("g." + e.getKey(), grad, theta.length, theta[0].length);
            rule.apply(e.getKey(), theta, grad);
        }
        changed();
    }

    /**
     * This training state handing back {@code f(network)} instead of its network: the same Θ, the
     * same updates, for a model that wraps a network (as {@code RnnFromState} keeps an h_0 beside an Rnn).
     */
    public final <M> TrainingState<M> map(Function<? super N, ? extends M> f) {
        Check.notNull("f", f, "a function from network to model");
        TrainingState<N> inner = this;
        return new TrainingState<>() {
            @Override
            public Evaluation<?> evaluate(Example e) {
                return inner.evaluate(e);
            }

            @Override
            public M network() {
                return f.apply(inner.network());
            }

            @Override
            protected Map<String, double[][]> weights() {
                return inner.weights();
            }

            @Override
            protected void changed() {
                inner.changed();
            }
        };
    }

    /**
     * The first entry of Θ that is NaN or ±∞, as "U[0][3] = -Infinity", or null when all are finite:
     * a step with a finite gradient can still overflow Θ when η is huge.
     */
    public final String firstNonFinite() {
        for (Map.Entry<String, double[][]> e : weights().entrySet()) {
            double[][] theta = e.getValue();
            for (int i = 0; i < theta.length; i++) {
                for (int j = 0; j < theta[i].length; j++) {
                    if (!Double.isFinite(theta[i][j])) {
                        return e.getKey() + "[" + i + "][" + j + "] = " + theta[i][j];
                    }
                }
            }
        }
        return null;
    }
}
