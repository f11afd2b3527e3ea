package io.github.rnnkit.bench;

import com.sun.management.ThreadMXBean;
import io.github.rnnkit.activation.Activations;
import io.github.rnnkit.data.Corpus;
import io.github.rnnkit.data.Vocabulary;
import io.github.rnnkit.rnn.Example;
import io.github.rnnkit.rnn.Init;
import io.github.rnnkit.rnn.Rnn;
import io.github.rnnkit.train.ClipPolicy;
import io.github.rnnkit.train.Trainer;
import io.github.rnnkit.train.TrainingRun;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * The min-char-rnn training loop through the library's public API: H = 100, T = 25, the built-in
 * corpus's vocabulary, weights from N(0, 0.01²), Adagrad with learning rate 0.1, every gradient
 * entry clipped to [−5, 5]. Prints iterations per second, GFLOP/s and memory behaviour.
 *
 * <p>FLOPs per iteration, counting a multiply-add as 2: per step, U x, W h and V h in the forward
 * pass (2HV + 2H² + 2VH), then Vᵀ∂o, the outer products for V, U and W, and Wᵀδ in the backward
 * pass (2VH + 2VH + 2HV + 2H² + 2H²); in all T·(10·H·V + 6·H²), plus about 6 per parameter for
 * clipping and the Adagrad update. The library skips the zero entries of one-hot inputs, so it does
 * less work than that: the figure printed is the dense-equivalent rate, the one a dense
 * implementation (such as the numpy loop) would need to match it.
 */
public final class CharRnnBench {

    static final int HIDDEN = 100;
    static final int STEPS = 25;
    static final int ROUNDS = 3;

    private CharRnnBench() {
    }

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        Vocabulary vocab = Vocabulary.of(Corpus.TEXT);
        int v = vocab.size();
        Trainer trainer = Trainer.adagrad(0.1).clip(ClipPolicy.value(5));
        Rnn start = new Rnn(Init.normal(HIDDEN, v, v, 0.01, 1), Activations.TANH);
        int span = Corpus.TEXT.length() - STEPS - 1;

        // Until the JIT has compiled every loop of an iteration the rate keeps climbing: warm up well past that.
        TrainingRun<Rnn> run = trainer.train(start, 3000, i -> window(vocab, (i * STEPS) % span));
        double firstLoss = run.losses()[0];
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long heapBefore = usedHeapAfterGc();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        double[] rates = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            long began = System.nanoTime();
            run = trainer.train(run.network(), iterations, i -> window(vocab, (i * STEPS) % span));
            rates[round] = iterations / ((System.nanoTime() - began) / 1e9);
            System.out.printf("java round %d: %.1f iterations/s%n", round + 1, rates[round]);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        long heapAfter = usedHeapAfterGc();

        Arrays.sort(rates);
        double perSecond = rates[ROUNDS / 2];
        double params = (double) HIDDEN * v * 2 + (double) HIDDEN * HIDDEN + HIDDEN + v;
        double flops = STEPS * (10.0 * HIDDEN * v + 6.0 * HIDDEN * HIDDEN) + 6 * params;
        System.out.printf("java: H=%d T=%d V=%d, %d rounds of %d iterations%n", HIDDEN, STEPS, v, ROUNDS, iterations);
        System.out.printf("java iterations/s: %.1f (median of %d rounds)%n", perSecond, ROUNDS);
        System.out.printf("java GFLOP/s: %.2f dense-equivalent (%.2f MFLOP per iteration)%n", perSecond * flops / 1e9, flops / 1e6);
        System.out.printf("java allocated per iteration: %.0f kB (garbage, collected as it goes)%n",
                allocated / 1024.0 / (ROUNDS * iterations));
        System.out.printf("java used heap after GC: %.1f MB before, %.1f MB after %d iterations%n",
                heapBefore / 1e6, heapAfter / 1e6, ROUNDS * iterations);
        System.out.printf("java loss: %.2f at the start, %.2f at the end%n", firstLoss, run.losses()[run.length() - 1]);
    }

    static Example window(Vocabulary vocab, int start) {
        return vocab.window(Corpus.TEXT, start, STEPS);
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
