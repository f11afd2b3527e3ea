package io.github.rnnkit.train;

import io.github.rnnkit.core.Params;
import io.github.rnnkit.core.TrainingState;
import io.github.rnnkit.util.Check;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An update rule: how a gradient g (the mean over a mini-batch, after clipping) changes the
 * parameters Θ, entry by entry, at update number s = 1, 2, … of a run, with learning rate η:
 *
 * <pre>
 *   SGD          Θ ← Θ − η g                                                         {@link #sgd}
 *   momentum     M ← μ M + g;   Θ ← Θ − η M        (Nesterov: Θ ← Θ − η (g + μ M))    {@link #momentum}, {@link #nesterov}
 *   RMSProp      S ← β S + (1 − β) g²;   Θ ← Θ − η g / (√S + ε)                     {@link #rmsprop}
 *   Adam         M ← β1 M + (1 − β1) g;   S ← β2 S + (1 − β2) g²
 *                Θ ← Θ − η (M / (1 − β1^s)) / (√(S / (1 − β2^s)) + ε)               {@link #adam}
 *   AdamW        Θ ← Θ − η λ Θ, then the Adam step                                    {@link #adamW}
 *   Adagrad      S ← S + g²;   Θ ← Θ − η g / √(S + ε)                                {@link #adagrad}
 * </pre>
 *
 * M (a running sum or average of gradients) and S (of squared gradients) hold one entry per entry
 * of Θ and start at 0; each class ({@link Sgd}, {@link Momentum}, {@link RmsProp}, {@link Adam},
 * {@link Adagrad}) writes its rule one line per equation. The conventions are PyTorch's
 * ({@code torch.optim}, float64), and each class says where another framework, or the paper, differs.
 * The kit's one departure: Adagrad puts ε inside the square root, as min-char-rnn does.
 *
 * <p>An optimiser is an immutable description; the state of a run (M, S and s) lives in the
 * {@link State} that {@link #start()} hands out, one per training run, never in a static field.
 * The {@link Trainer} clips the gradient first and then calls the optimiser, as frameworks do.
 */
public abstract sealed class Optimizer permits Sgd, Momentum, RmsProp, Adam, Adagrad {

    private final double learningRate;

    Optimizer(double learningRate) {
        this.learningRate = Check.positive("learningRate", learningRate);
    }

    /** Plain gradient descent, Θ ← Θ − η g. */
    public static Optimizer sgd(double learningRate) {
        return new Sgd(learningRate);
    }

    /** Heavy-ball momentum μ ∈ [0, 1): M ← μ M + g, Θ ← Θ − η M. */
    public static Optimizer momentum(double learningRate, double mu) {
        return new Momentum(learningRate, mu, false);
    }

    /** Nesterov momentum μ ∈ (0, 1), in PyTorch's form: M ← μ M + g, Θ ← Θ − η (g + μ M). */
    public static Optimizer nesterov(double learningRate, double mu) {
        return new Momentum(learningRate, mu, true);
    }

    /** RMSProp with smoothing β ∈ [0, 1) (PyTorch's alpha, Keras's rho) and ε ≥ 0 outside the root (PyTorch: 0.99, 1e-8). */
    public static Optimizer rmsprop(double learningRate, double beta, double epsilon) {
        return new RmsProp(learningRate, beta, epsilon);
    }

    /** Adam with PyTorch's defaults β1 = 0.9, β2 = 0.999, ε = 1e-8. */
    public static Optimizer adam(double learningRate) {
        return new Adam(learningRate, 0.9, 0.999, 1e-8, 0);
    }

    /** Adam with β1, β2 ∈ [0, 1) and ε ≥ 0. */
    public static Optimizer adam(double learningRate, double beta1, double beta2, double epsilon) {
        return new Adam(learningRate, beta1, beta2, epsilon, 0);
    }

    /** AdamW: Adam's defaults and the decoupled weight decay λ ≥ 0 (PyTorch's default is 0.01), applied to every parameter. */
    public static Optimizer adamW(double learningRate, double decay) {
        return new Adam(learningRate, 0.9, 0.999, 1e-8, Check.nonNegative("decay", decay));
    }

    /** Adagrad with ε = 1e-8 inside the square root, as min-char-rnn. */
    public static Optimizer adagrad(double learningRate) {
        return new Adagrad(learningRate, 1e-8);
    }

    /** Adagrad with ε ≥ 0 inside the square root (PyTorch adds its 1e-10 outside: the two agree at ε = 0). */
    public static Optimizer adagrad(double learningRate, double epsilon) {
        return new Adagrad(learningRate, epsilon);
    }

    /** η. */
    public final double learningRate() {
        return learningRate;
    }

    /** The same rule with another learning rate (for a sweep). */
    public abstract Optimizer withLearningRate(double learningRate);

    /** The rule's short name: "SGD", "momentum", "Nesterov", "RMSProp", "Adam", "AdamW", "Adagrad". */
    public abstract String name();

    /** A fresh state for one run: M and S at 0, no update made yet. */
    public final State start() {
        return new State(this);
    }

    /** How many arrays of the parameter's shape the rule keeps (M, S): 0, 1 or 2. */
    abstract int buffers();

    /**
     * Update number s (from 1) of one row of a parameter: theta and the rule's buffers (each a row of
     * M or S) change in place, g is read only.
     */
    abstract void updateRow(double[] theta, double[] g, double[][] buffers, int s);

    /** A value in [0, 1), as the decay rates μ, β, β1, β2 must be. */
    static double fraction(String name, double x) {
        Check.finite(name, x);
        if (x < 0 || x >= 1) {
            throw new IllegalArgumentException(name + ": expected a number in [0, 1), got " + x);
        }
        return x;
    }

    /** "%g" without trailing zeros, for toString. */
    static String number(double x) {
        String s = String.format("%.6g", x);
        if (s.contains("e")) {
            return s.replaceAll("\\.?0+e", "e");
        }
        return s.contains(".") ? s.replaceAll("\\.?0+$", "") : s;
    }

    /**
     * The state of one run of an optimiser: the update count s and, per parameter name, the rule's
     * buffers (M, S), created at 0 on the first update. Mutable, and owned by the one run that
     * made it: a new run starts a new state.
     */
    public static final class State {

        private final Optimizer rule;
        private final Map<String, double[][][]> buffers = new HashMap<>();
        private int updates;

        private State(Optimizer rule) {
            this.rule = rule;
        }

        /** The optimiser this state belongs to. */
        public Optimizer optimizer() {
            return rule;
        }

        /** How many updates this state has made (s of the last one). */
        public int updates() {
            return updates;
        }

        /** One update of the network in training with the gradient g: s ← s + 1, then every array by the rule. */
        public void step(TrainingState<?> network, Params g) {
            Check.notNull("network", network, "a TrainingState (from a network's startTraining())");
            Check.notNull("g", g, "a gradient by parameter name");
            updates++;
            network.update(g, this::updateArray);
        }

        /**
         * The same update on parameters given as {@link Params} (left unchanged): returns the new Θ.
         * {@code g} must hold every name of Θ, with the same shapes.
         */
        public Params step(Params theta, Params g) {
            Check.notNull("theta", theta, "parameters by name");
            Check.notNull("g", g, "a gradient by parameter name");
            Map<String, double[][]> next = new LinkedHashMap<>();
            for (String name : theta.names()) {
                if (!g.names().contains(name)) {
                    throw new IllegalArgumentException("g: expected a gradient named " + theta.names() + ", got " + g.names());
                }
                double[][] t = theta.get(name);
                double[][] grad = g.get(name);
                Check.shape("g." + name, grad, t.length, t[0].length);
                next.put(name, t);
            }
            updates++;
            next.forEach((name, t) -> updateArray(name, t, g.get(name)));
            return Params.of(next);
        }

        private void updateArray(String name, double[][] theta, double[][] g) {
            double[][][] rows = buffers.computeIfAbsent(name, k -> new double[theta.length][rule.buffers()][theta[0].length]);
            if (rows.length != theta.length || (rule.buffers() > 0 && rows[0][0].length != theta[0].length)) {
                throw new IllegalArgumentException(name + ": expected the " + rows.length + "-row shape this state has seen, got "
                        + theta.length + "×" + theta[0].length);
            }
            for (int i = 0; i < theta.length; i++) {
                rule.updateRow(theta[i], g[i], rows[i], updates);
            }
        }

        @Override
        public String toString() {
            return "Optimizer.State[" + rule + ", " + updates + " updates]";
        }
    }
}
