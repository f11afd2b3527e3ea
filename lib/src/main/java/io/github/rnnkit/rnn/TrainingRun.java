package io.github.rnnkit.rnn;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * The record of a training run: per step the loss and the gradient norm before and after
 * clipping, the trained network, and whether (and where) the run diverged.
 */
public final class TrainingRun {

    private final String policy;
    private final List<Trainer.Step> steps;
    private final Rnn rnn;
    private final String divergence;

    private TrainingRun(String policy, List<Trainer.Step> steps, Rnn rnn, String divergence) {
        this.policy = policy;
        this.steps = List.copyOf(steps);
        this.rnn = rnn;
        this.divergence = divergence;
    }

    /** The network after the last completed step. */
    public Rnn rnn() {
        return rnn;
    }

    /** Completed steps. */
    public int length() {
        return steps.size();
    }

    /** True when a loss or gradient stopped being finite. */
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
        return Table.create("Training with " + policy,
                IntColumn.create("step", steps.stream().mapToInt(Trainer.Step::step).toArray()),
                DoubleColumn.create("loss", losses()),
                DoubleColumn.create("gradNorm", gradNorms()),
                DoubleColumn.create("clippedNorm", clippedNorms()),
                BooleanColumn.create("clipped", steps.stream().map(Trainer.Step::clipped).toList()));
    }

    @Override
    public String toString() {
        return "TrainingRun[" + policy + ", " + steps.size() + " steps" + (diverged() ? ", " + divergence : "") + "]";
    }

    static final class Builder {
        private final String policy;
        private final List<Trainer.Step> steps = new ArrayList<>();
        private String divergence;

        Builder(String policy) {
            this.policy = policy;
        }

        void add(Trainer.Step step) {
            steps.add(step);
        }

        void diverged(int step, double loss, double norm) {
            divergence = "diverged at step " + step + " (loss " + loss + ", gradient norm " + norm + ")";
        }

        TrainingRun build(Rnn rnn) {
            return new TrainingRun(policy, steps, rnn, divergence);
        }
    }
}
