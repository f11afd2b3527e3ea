package io.github.rnnkit.train;

import io.github.rnnkit.clip.ClipPolicy;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * The record of a training run: per update the batch's mean loss and the global norm of its mean
 * gradient before and after clipping; the optimiser, the batch size and the clipping policy; the
 * trained network; and whether (and where) the run diverged.
 * A diverged run is a result like any other: its record ends at the last step that completed.
 *
 * @param <N> the type of network trained
 */
public final class TrainingRun<N> {

    private final Optimizer optimizer;
    private final int batch;
    private final ClipPolicy policy;
    private final List<Trainer.Step> steps;
    private final N network;
    private final String divergence;

    private TrainingRun(Optimizer optimizer, int batch, ClipPolicy policy, List<Trainer.Step> steps, N network, String divergence) {
        this.optimizer = optimizer;
        this.batch = batch;
        this.policy = policy;
        this.steps = List.copyOf(steps);
        this.network = network;
        this.divergence = divergence;
    }

    /**
     * The network after the last completed step. After a divergence its weights may hold NaN or
     * ±∞ (see {@link #divergence()}): it is what the updates left, as in any framework.
     */
    public N network() {
        return network;
    }

    /** The optimiser the run used. */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** B, the sequences averaged per update. */
    public int batchSize() {
        return batch;
    }

    /** The clipping policy the run used. */
    public ClipPolicy policy() {
        return policy;
    }

    /** Completed updates (each of {@link #batchSize()} sequences). */
    public int length() {
        return steps.size();
    }

    /** What the trainer recorded after step {@code i} (0-based, i &lt; length()). */
    public Trainer.Step step(int i) {
        if (i < 0 || i >= steps.size()) {
            throw new IllegalArgumentException("i: expected a completed step in [0, " + (steps.size() - 1) + "], got " + i);
        }
        return steps.get(i);
    }

    /** True when a loss, a gradient or a weight stopped being finite. */
    public boolean diverged() {
        return divergence != null;
    }

    /** Where and how the run diverged, or "" when it did not. */
    public String divergence() {
        return divergence == null ? "" : divergence;
    }

    public double[] losses() {
        return steps.stream().mapToDouble(Trainer.Step::loss).toArray();
    }

    /** The global gradient norm of each step, before clipping. */
    public double[] gradNorms() {
        return steps.stream().mapToDouble(Trainer.Step::gradNorm).toArray();
    }

    /** The global gradient norm of each step, after clipping. */
    public double[] clippedNorms() {
        return steps.stream().mapToDouble(Trainer.Step::clippedNorm).toArray();
    }

    /** The steps as a table: step, loss, gradNorm, clippedNorm, clipped. */
    public Table table() {
        return Table.create("Training with " + optimizer + ", batch " + batch + ", " + policy,
                IntColumn.create("step", steps.stream().mapToInt(Trainer.Step::step).toArray()),
                DoubleColumn.create("loss", losses()),
                DoubleColumn.create("gradNorm", gradNorms()),
                DoubleColumn.create("clippedNorm", clippedNorms()),
                BooleanColumn.create("clipped", steps.stream().map(Trainer.Step::clipped).toList()));
    }

    @Override
    public String toString() {
        return "TrainingRun[" + optimizer + ", batch " + batch + ", " + policy + ", " + steps.size() + " steps" + (diverged() ? ", " + divergence : "") + "]";
    }

    static final class Builder {
        private final Optimizer optimizer;
        private final int batch;
        private final ClipPolicy policy;
        private final List<Trainer.Step> steps = new ArrayList<>();
        private String divergence;

        Builder(Optimizer optimizer, int batch, ClipPolicy policy) {
            this.optimizer = optimizer;
            this.batch = batch;
            this.policy = policy;
        }

        void add(Trainer.Step step) {
            steps.add(step);
        }

        int length() {
            return steps.size();
        }

        boolean diverged() {
            return divergence != null;
        }

        void diverged(String where) {
            divergence = "diverged " + where;
        }

        <N> TrainingRun<N> build(N network) {
            return new TrainingRun<>(optimizer, batch, policy, steps, network, divergence);
        }
    }
}
