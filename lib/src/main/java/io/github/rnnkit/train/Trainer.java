package io.github.rnnkit.train;

import io.github.rnnkit.clip.ClipPolicy;
import io.github.rnnkit.clip.Clipped;
import io.github.rnnkit.core.Evaluation;
import io.github.rnnkit.core.Example;
import io.github.rnnkit.core.Params;
import io.github.rnnkit.core.Trainable;
import io.github.rnnkit.core.TrainingState;
import io.github.rnnkit.util.Check;
import io.github.rnnkit.util.Matrices;

import java.util.Map;
import java.util.function.IntFunction;

/**
 * Trains any {@link Trainable} network (an {@code Rnn}, an {@code Lstm}, a {@code Gru}) on
 * mini-batches of B sequences. Update number s (from 0 here; the optimiser counts from 1) uses the
 * examples {@code data.apply(s·B)} … {@code data.apply(s·B + B − 1)}, so a run of n updates sees n·B
 * sequences, and budgets count sequences:
 *
 * <pre>
 *   L_s = (1/B) Σ_{i&lt;B} L(example s·B + i)          the batch's mean loss
 *   g   = clip((1/B) Σ_{i&lt;B} ∂L(example s·B + i)/∂Θ)   the mean gradient, then the {@link ClipPolicy}
 *   Θ   ← the {@link Optimizer}'s update with g         SGD, momentum, RMSProp, Adam(W), Adagrad
 * </pre>
 *
 * Clipping comes before the update, as in PyTorch ({@code clip_grad_norm_} before
 * {@code optimizer.step()}) and Keras (the optimiser's {@code clipnorm}, {@code global_clipnorm},
 * {@code clipvalue}). Keras's {@code clipnorm} clips each variable's gradient on its own
 * ({@link ClipPolicy#norm}), its {@code global_clipnorm} all of them together
 * ({@link ClipPolicy#globalNorm}): with several parameter arrays the two allow different steps.
 *
 * <p>Build one fluently, {@code Trainer.of(Optimizer.adam(3e-3)).batch(32).clip(ClipPolicy.globalNorm(1))},
 * then {@link #train}. {@code Trainer.sgd(η)} and {@code Trainer.adagrad(η)} are short for
 * {@code Trainer.of(Optimizer.sgd(η))} and {@code Trainer.of(Optimizer.adagrad(η))}; the batch is 1
 * unless set. A trainer holds no state of its own: every run starts afresh (the optimiser's M and S
 * at zero). Divergence is a result, not an error: an update whose loss or gradient is not finite
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

    private final Optimizer optimizer;
    private final int batch;
    private final ClipPolicy clip;
    private final StepListener listener;

    private Trainer(Optimizer optimizer, int batch, ClipPolicy clip, StepListener listener) {
        this.optimizer = optimizer;
        this.batch = batch;
        this.clip = clip;
        this.listener = listener;
    }

    /** A trainer with this optimiser, batches of 1 and no clipping. */
    public static Trainer of(Optimizer optimizer) {
        Check.notNull("optimizer", optimizer, "an Optimizer (Optimizer.sgd(0.1), Optimizer.adam(3e-3), …)");
        return new Trainer(optimizer, 1, ClipPolicy.none(), s -> { });
    }

    /** {@code Trainer.of(Optimizer.sgd(learningRate))}. */
    public static Trainer sgd(double learningRate) {
        return of(Optimizer.sgd(learningRate));
    }

    /** {@code Trainer.of(Optimizer.adagrad(learningRate))}: ε = 1e-8 inside the root, as min-char-rnn. */
    public static Trainer adagrad(double learningRate) {
        return of(Optimizer.adagrad(learningRate));
    }

    /** The same trainer averaging the gradient over {@code size} sequences per update. */
    public Trainer batch(int size) {
        return new Trainer(optimizer, Check.atLeast("size", size, 1), clip, listener);
    }

    /** The same trainer with a clipping policy. */
    public Trainer clip(ClipPolicy policy) {
        Check.notNull("policy", policy, "a ClipPolicy (ClipPolicy.none() for none)");
        return new Trainer(optimizer, batch, policy, listener);
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** B, the sequences per update. */
    public int batchSize() {
        return batch;
    }

    /** The same trainer calling {@code listener} after every step. */
    public Trainer onStep(StepListener listener) {
        Check.notNull("listener", listener, "a StepListener");
        return new Trainer(optimizer, batch, clip, listener);
    }

    /**
     * Trains a copy of {@code start} for {@code steps} updates on the examples {@code data.apply(i)},
     * i = 0 … steps·B − 1 in order; start is left as it was.
     */
    public <N extends Trainable<N>> TrainingRun<N> train(N start, int steps, IntFunction<Example> data) {
        return train(start, steps, data, steps, (done, network) -> { });
    }

    /**
     * The same, and after every {@code every} completed updates (every, 2·every, …, up to steps) hands
     * {@code checkpoint} the number of updates done and a copy of the network as it is then. A
     * diverged run has no checkpoints after its divergence.
     */
    public <N extends Trainable<N>> TrainingRun<N> train(N start, int steps, IntFunction<Example> data,
                                                         int every, Checkpoint<? super N> checkpoint) {
        Check.notNull("start", start, "a network to train (an Rnn, Lstm or Gru)");
        Check.atLeast("steps", steps, 1);
        Check.notNull("data", data, "a function from step to Example");
        Check.atLeast("every", every, 1);
        Check.notNull("checkpoint", checkpoint, "a Checkpoint");
        if ((long) steps * batch > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("steps: expected at most " + Integer.MAX_VALUE / batch + " updates of "
                    + batch + " sequences (the data function takes an int), got " + steps);
        }
        TrainingState<N> state = start.startTraining();
        Optimizer.State moments = optimizer.start();
        TrainingRun.Builder run = new TrainingRun.Builder(optimizer, batch, clip);
        for (int step = 0; step < steps; step++) {
            Evaluation<?> e = meanOverBatch(state, data, step);
            double norm = e.gradient().norm();
            if (!Double.isFinite(e.loss()) || !Double.isFinite(norm)) {
                run.diverged("at step " + step + " (loss " + e.loss() + ", gradient norm " + norm + ")");
                break;
            }
            Clipped<Params> g = clip.apply(e.gradient());
            moments.step(state, g.clipped());
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

    /** The mean loss and mean gradient over the examples of update {@code step}: s·B … s·B + B − 1. */
    private Evaluation<?> meanOverBatch(TrainingState<?> state, IntFunction<Example> data, int step) {
        if (batch == 1) {
            return state.evaluate(example(data, step));
        }
        double loss = 0;
        Map<String, double[][]> sum = null;
        for (int i = 0; i < batch; i++) {
            Evaluation<?> e = state.evaluate(example(data, step * batch + i));
            loss += e.loss();
            if (sum == null) {
                sum = e.gradient().toMap();
            } else {
                for (Map.Entry<String, double[][]> entry : sum.entrySet()) {
                    double[][] acc = entry.getValue(), g = e.gradient().get(entry.getKey());
                    for (int r = 0; r < acc.length; r++) {
                        Matrices.addInto(acc[r], g[r]);
                    }
                }
            }
        }
        for (double[][] acc : sum.values()) {
            for (double[] row : acc) {
                for (int j = 0; j < row.length; j++) {
                    row[j] /= batch;
                }
            }
        }
        return Evaluation.ofBatch(loss / batch, Params.taking(sum));
    }

    private static Example example(IntFunction<Example> data, int index) {
        Example example = data.apply(index);
        if (example == null) {
            throw new IllegalArgumentException("data: expected an Example for every sequence, got null for sequence " + index);
        }
        return example;
    }
}
