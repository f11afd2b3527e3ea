package io.github.rnnkit.train;

import io.github.rnnkit.clip.Clipped;
import io.github.rnnkit.rnn.Example;
import io.github.rnnkit.rnn.Params;
import io.github.rnnkit.rnn.Trainable;
import io.github.rnnkit.rnn.TrainingState;
import io.github.rnnkit.util.Check;

import java.util.function.IntFunction;

/**
 * Gradient descent, one example per step, for any {@link Trainable} network (an {@code Rnn}, an
 * {@code Lstm}, a {@code Gru}), with g the gradient after the {@link ClipPolicy}:
 *
 * <pre>
 *   SGD:      Θ ← Θ − η g
 *   Adagrad:  S ← S + g²,   Θ ← Θ − η g / sqrt(S + 1e-8)       (element-wise)
 * </pre>
 *
 * Build one fluently, {@code Trainer.adagrad(0.1).clip(ClipPolicy.value(5)).onStep(s -> progress.step())},
 * then {@link #train}. A trainer holds no state of its own: every run starts afresh (Adagrad's S
 * at zero). Divergence is a result, not an error: a step whose loss or gradient is not finite
 * ends the run, and the {@link TrainingRun} says where.
 */
public final class Trainer {

    /** What a listener learns after each step. */
    public record Step(int step, double loss, double gradNorm, double clippedNorm, boolean clipped) {
    }

    /** Called with a copy of the network every so many steps, e.g. to score it on held-out data. */
    @FunctionalInterface
    public interface Checkpoint<N> {
        void at(int stepsDone, N network);
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

    /** SGD, one example per step: g = clip(∂L/∂Θ) by the {@link #clip} policy, then Θ ← Θ − η g. */
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

    /** Trains a copy of {@code start} for {@code steps} steps on the examples {@code data.apply(step)}; start is left as it was. */
    public <N extends Trainable<N>> TrainingRun<N> train(N start, int steps, IntFunction<Example> data) {
        return train(start, steps, data, steps, (done, network) -> { });
    }

    /**
     * The same, and after every {@code every} completed steps (every, 2·every, …, up to steps) hands
     * {@code checkpoint} the number of steps done and a copy of the network as it is then. A
     * diverged run has no checkpoints after its divergence.
     */
    public <N extends Trainable<N>> TrainingRun<N> train(N start, int steps, IntFunction<Example> data,
                                                         int every, Checkpoint<? super N> checkpoint) {
        Check.notNull("start", start, "a network to train (an Rnn, Lstm or Gru)");
        Check.atLeast("steps", steps, 1);
        Check.notNull("data", data, "a function from step to Example");
        Check.atLeast("every", every, 1);
        Check.notNull("checkpoint", checkpoint, "a Checkpoint");
        TrainingState<N> state = start.startTraining();
        TrainingRun.Builder run = new TrainingRun.Builder(clip);
        for (int step = 0; step < steps; step++) {
            Example example = data.apply(step);
            if (example == null) {
                throw new IllegalArgumentException("data: expected an Example for every step, got null for step " + step);
            }
            TrainingState.Evaluation e = state.evaluate(example);
            double norm = e.gradient().norm();
            if (!Double.isFinite(e.loss()) || !Double.isFinite(norm)) {
                run.diverged("at step " + step + " (loss " + e.loss() + ", gradient norm " + norm + ")");
                break;
            }
            Clipped<Params> g = clip.apply(e.gradient());
            if (adagrad) {
                state.adagradStep(g.clipped(), learningRate);
            } else {
                state.sgdStep(g.clipped(), learningRate);
            }
            Step record = new Step(step, e.loss(), g.normBefore(), g.normAfter(), g.changed());
            run.add(record);
            listener.after(record);
            if ((step + 1) % every == 0 && state.firstNonFinite() == null) {
                checkpoint.at(step + 1, state.network());
            }
        }
        String overflow = run.diverged() ? null : state.firstNonFinite();
        if (overflow != null) {
            run.diverged("after step " + (run.length() - 1) + ": a weight is no longer finite (" + overflow + ")");
        }
        return run.build(state.network());
    }
}
