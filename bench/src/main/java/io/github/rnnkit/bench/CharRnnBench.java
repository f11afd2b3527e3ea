package io.github.rnnkit.bench;

import io.github.rnnkit.activation.Activations;
import io.github.rnnkit.data.Corpus;
import io.github.rnnkit.data.Vocabulary;
import io.github.rnnkit.core.Example;
import io.github.rnnkit.rnn.Init;
import io.github.rnnkit.rnn.Rnn;
import io.github.rnnkit.clip.ClipPolicy;
import io.github.rnnkit.train.Trainer;
import io.github.rnnkit.train.TrainingRun;

/**
 * The min-char-rnn training loop through the library's public API, for one hidden size H: T = 25
 * characters of the built-in corpus per step (window i starts at i·T mod (length − T − 1)),
 * weights from N(0, 0.01²) with seed 1, Adagrad with learning rate 0.1 after clipping every
 * gradient entry to [−5, 5], a tanh RNN with the summed cross-entropy loss.
 *
 * <p>FLOPs per iteration, counting a multiply-add as 2: per step, U x, W h and V h in the forward
 * pass (2HV + 2H² + 2VH), then Vᵀ∂o, the outer products for V, U and W, and Wᵀδ in the backward
 * pass (2VH + 2VH + 2HV + 2H² + 2H²); in all T·(10·H·V + 6·H²), plus about 6 per parameter for
 * clipping and the Adagrad update. The library skips the zero entries of one-hot inputs, so it does
 * less work than that: the figure is the dense-equivalent count, the work a dense implementation
 * (numpy, PyTorch) does for the same iteration.
 */
final class CharRnnBench {

    static final int STEPS = 25;
    static final long SEED = 1;
    private static final Trainer TRAINER = Trainer.adagrad(0.1).clip(ClipPolicy.value(5));

    private final Vocabulary vocab = Vocabulary.of(Corpus.TEXT);
    private final int span = Corpus.TEXT.length() - STEPS - 1;
    private final Rnn start;
    private Rnn current;

    CharRnnBench(int hidden) {
        int v = vocab.size();
        start = new Rnn(Init.normal(hidden, v, v, 0.01, SEED), Activations.TANH);
        current = start;
    }

    Rnn start() {
        return start;
    }

    /** The losses of {@code iterations} steps from the initial weights. */
    double[] losses(int iterations) {
        return TRAINER.train(start, iterations, this::window).losses();
    }

    /** {@code iterations} more steps from where the last round ended; returns that run. */
    TrainingRun<Rnn> round(int iterations) {
        TrainingRun<Rnn> run = TRAINER.train(current, iterations, this::window);
        current = run.network();
        return run;
    }

    private Example window(int i) {
        return vocab.window(Corpus.TEXT, (i * STEPS) % span, STEPS);
    }

    /** Dense-equivalent FLOPs of one iteration (see the class comment). */
    static double flops(int hidden, int vocabulary) {
        double h = hidden;
        double v = vocabulary;
        double params = 2 * h * v + h * h + h + v;
        return STEPS * (10 * h * v + 6 * h * h) + 6 * params;
    }
}
