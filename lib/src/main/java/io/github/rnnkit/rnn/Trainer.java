package io.github.rnnkit.rnn;

import io.github.rnnkit.clip.Clipped;
import io.github.rnnkit.util.Check;

import java.util.function.IntFunction;

/**
 * Gradient descent on an RNN, one example per step:
 *
 * <pre>
 *   SGD:      θ ← θ − η g
 *   Adagrad:  m ← m + g²,   θ ← θ − η g / sqrt(m + 1e-8)       (element-wise)
 * </pre>
 *
 * with g the gradient after the {@link ClipPolicy}. Build one fluently,
 * {@code Trainer.adagrad(0.1).clip(ClipPolicy.value(5)).onStep(s -> progress.step())}, then
 * {@link #train}. A step whose loss or gradient is not finite ends the run: it has diverged.
 */
public final class Trainer {

    /** What a listener learns after each step. */
    public record Step(int step, double loss, double gradNorm, double clippedNorm, boolean clipped) {
    }

    /** Called after every step, e.g. to advance a progress bar. */
    @FunctionalInterface
    public interface StepListener {
        void after(Step step);
    }

    private final boolean adagrad;
    private final double learningRate;
    private final ClipPolicy clip;
    private final StepListener listener;

    private Trainer(boolean adagrad, double learningRate, ClipPolicy clip, StepListener listener) {
        this.adagrad = adagrad;
        this.learningRate = learningRate;
        this.clip = clip;
        this.listener = listener;
    }

    public static Trainer sgd(double learningRate) {
        return new Trainer(false, Check.positive("learningRate", learningRate), ClipPolicy.none(), s -> { });
    }

    public static Trainer adagrad(double learningRate) {
        return new Trainer(true, Check.positive("learningRate", learningRate), ClipPolicy.none(), s -> { });
    }

    /** The same trainer with a clipping policy. */
    public Trainer clip(ClipPolicy policy) {
        Check.notNull("policy", policy, "a ClipPolicy (ClipPolicy.none() for none)");
        return new Trainer(adagrad, learningRate, policy, listener);
    }

    /** The same trainer calling {@code listener} after every step. */
    public Trainer onStep(StepListener listener) {
        Check.notNull("listener", listener, "a StepListener");
        return new Trainer(adagrad, learningRate, clip, listener);
    }

    /** Trains from {@code start} for {@code steps} steps on the examples {@code data.apply(step)}. */
    public TrainingRun train(Rnn start, int steps, IntFunction<Example> data) {
        Check.notNull("start", start, "an Rnn");
        Check.atLeast("steps", steps, 1);
        Check.notNull("data", data, "a function from step to Example");
        RnnParams p = start.params();
        double[][][] theta = {p.U(), p.W(), {p.b()}, p.V(), {p.c()}};
        double[][][] memory = zerosLike(theta);
        TrainingRun.Builder run = new TrainingRun.Builder(clip.toString());
        Rnn rnn = start;
        for (int step = 0; step < steps; step++) {
            Example example = data.apply(step);
            if (example == null) {
                throw new IllegalArgumentException("data: expected an Example for every step, got null for step " + step);
            }
            Example.Evaluation e = example.evaluate(rnn, null);
            double norm = e.gradients().norm();
            if (!Double.isFinite(e.loss()) || !Double.isFinite(norm)) {
                run.diverged(step, e.loss(), norm);
                break;
            }
            Clipped<Gradients> g = clip.apply(e.gradients());
            update(theta, memory, g.clipped().arraysView());
            rnn = new Rnn(RnnParams.wrap(theta[0], theta[1], theta[2][0], theta[3], theta[4][0]), start.activation());
            Step record = new Step(step, e.loss(), g.normBefore(), g.normAfter(), g.changed());
            run.add(record);
            listener.after(record);
        }
        RnnParams trained = RnnParams.of(theta[0], theta[1], theta[2][0], theta[3], theta[4][0]);
        return run.build(new Rnn(trained, start.activation()));
    }

    private void update(double[][][] theta, double[][][] memory, double[][][] grads) {
        for (int n = 0; n < theta.length; n++) {
            for (int i = 0; i < theta[n].length; i++) {
                if (adagrad) {
                    adagradStep(theta[n][i], memory[n][i], grads[n][i]);
                } else {
                    sgdStep(theta[n][i], grads[n][i]);
                }
            }
        }
    }

    /** m ← m + g², θ ← θ − η g / sqrt(m + 1e-8): a flat loop the JIT vectorises. */
    private void adagradStep(double[] theta, double[] memory, double[] g) {
        for (int j = 0; j < theta.length; j++) {
            memory[j] += g[j] * g[j];
            theta[j] -= learningRate * g[j] / Math.sqrt(memory[j] + 1e-8);
        }
    }

    /** θ ← θ − η g. */
    private void sgdStep(double[] theta, double[] g) {
        for (int j = 0; j < theta.length; j++) {
            theta[j] -= learningRate * g[j];
        }
    }

    private static double[][][] zerosLike(double[][][] arrays) {
        double[][][] out = new double[arrays.length][][];
        for (int n = 0; n < arrays.length; n++) {
            out[n] = new double[arrays[n].length][arrays[n][0].length];
        }
        return out;
    }
}
