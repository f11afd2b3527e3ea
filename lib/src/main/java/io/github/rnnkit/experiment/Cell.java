package io.github.rnnkit.experiment;

import io.github.rnnkit.data.AddingProblem;
import io.github.rnnkit.core.Example;
import io.github.rnnkit.core.Trainable;
import io.github.rnnkit.clip.ClipPolicy;
import io.github.rnnkit.train.Optimizer;
import io.github.rnnkit.train.Trainer;
import io.github.rnnkit.train.TrainingRun;
import io.github.rnnkit.util.Check;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;

/**
 * One run of a recorded experiment: a {@link Model} of {@code hidden} units drawn from {@code seed}, trained on the adding
 * problem by an optimiser ("SGD" or "Adam", PyTorch's defaults besides η) at one learning rate, on
 * batches of {@code batch} sequences, with the global gradient norm clipped at
 * {@link Experiment#CLIP}, for {@link Experiment#SEQUENCES} sequences; the test MSE is taken every
 * {@link Experiment#EVERY} sequences. Sequence i of seed s is the same for every model, so models
 * are compared on the same data. A run is deterministic: the same cell gives the same numbers, bit
 * for bit, on the same JVM and machine.
 */
public record Cell(Model model, String optimizer, double learningRate, int batch, int seed, int hidden) {

    /** A cell of the grids' width, {@link Experiment#HIDDEN} units. */
    public Cell(Model model, String optimizer, double learningRate, int batch, int seed) {
        this(model, optimizer, learningRate, batch, seed, Experiment.HIDDEN);
    }

    public Cell {
        Check.notNull("model", model, "a Model");
        if (!"SGD".equals(optimizer) && !"Adam".equals(optimizer)) {
            throw new IllegalArgumentException("optimizer: expected SGD or Adam, got " + optimizer);
        }
        Check.positive("learningRate", learningRate);
        Check.atLeast("batch", batch, 1);
        if (Experiment.EVERY % batch != 0) {
            throw new IllegalArgumentException("batch: expected a divisor of " + Experiment.EVERY + ", got " + batch);
        }
        Check.atLeast("seed", seed, 0);
        Check.atLeast("hidden", hidden, 1);
    }

    /** "tanh-uniform Adam 0.001 B1 seed 3" (and "H40" when the width is not the grids' 20): how a cell is named in messages. */
    public String id() {
        return model.id() + " " + optimizer + " " + learningRate + " B" + batch + " seed " + seed
                + (hidden == Experiment.HIDDEN ? "" : " H" + hidden);
    }

    /** The update rule: {@code Optimizer.sgd(η)} or {@code Optimizer.adam(η)}. */
    public Optimizer rule() {
        return "SGD".equals(optimizer) ? Optimizer.sgd(learningRate) : Optimizer.adam(learningRate);
    }

    /** The run, for the whole budget. */
    public CellResult run() {
        return run(Experiment.SEQUENCES);
    }

    /**
     * The first {@code sequences} of the run (a multiple of {@link Experiment#EVERY}): its test MSE
     * at every checkpoint so far, the same numbers the whole run records there.
     */
    public CellResult run(int sequences) {
        if (sequences < Experiment.EVERY || sequences > Experiment.SEQUENCES || sequences % Experiment.EVERY != 0) {
            throw new IllegalArgumentException("sequences: expected a multiple of " + Experiment.EVERY + " up to "
                    + Experiment.SEQUENCES + ", got " + sequences);
        }
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        double[] mse = new double[sequences / Experiment.EVERY];
        Arrays.fill(mse, Double.NaN);
        TrainingRun<?> run = train(model.network(hidden, Experiment.STEPS, seed), sequences, mse);
        int divergedAfter = run.diverged() ? run.length() * batch : -1;
        double seconds = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1e9;
        return new CellResult(this, mse, divergedAfter, seconds);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private TrainingRun<?> train(Trainable<?> start, int sequences, double[] mse) {
        List<Example> test = Experiment.testSet();
        Trainer trainer = Trainer.of(rule()).batch(batch).clip(ClipPolicy.globalNorm(Experiment.CLIP));
        int every = Experiment.EVERY / batch;
        return trainer.train((Trainable) start, sequences / batch, i -> Experiment.trainingExample(seed, i), every,
                (done, network) -> mse[done / every - 1] = AddingProblem.mse((Trainable<?>) network, test));
    }
}
