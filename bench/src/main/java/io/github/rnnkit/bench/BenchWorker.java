package io.github.rnnkit.bench;

import io.github.rnnkit.data.Corpus;
import io.github.rnnkit.rnn.RnnParams;
import io.github.rnnkit.train.TrainingRun;
import io.github.rnnkit.rnn.Rnn;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One contestant of {@code ./kit bench}: a JVM that stays up between rounds, so that the
 * coordinator ({@code tools/bench.py}) can interleave its rounds with the numpy and PyTorch
 * workers' rounds (which speak the same protocol) and the JIT's warm-up is paid once.
 *
 * <p>It reads one command per line and answers each with one line of JSON:
 * <pre>
 *   info                   the JVM, and the FP64 vector width it offers
 *   init H PATH            the initial weights (and the corpus) for hidden size H, written to PATH as JSON
 *   losses H N             the losses of N steps from those weights
 *   round H N              N more training steps, timed: wall and process CPU seconds, bytes allocated
 *   memory                 heap in use after GC
 *   peak                   one core's FP64 peak, measured ({@link PeakFlops})
 * </pre>
 */
public final class BenchWorker {

    private final Map<Integer, CharRnnBench> loops = new HashMap<>();
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private BenchWorker() {
    }

    public static void main(String[] args) throws IOException {
        BenchWorker worker = new BenchWorker();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (!line.isBlank()) {
                out.println(worker.answer(line.trim().split("\\s+")));
            }
        }
    }

    private String answer(String[] command) throws IOException {
        switch (command[0]) {
            case "info":
                return "{\"runtime\": " + Json.string("Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")")
                        + ", \"vector_bits\": " + PeakFlops.bits() + "}";
            case "init":
                Files.writeString(Path.of(command[2]), weights(loop(command[1]).start()));
                return "{\"ok\": true}";
            case "losses":
                return "{\"losses\": " + Json.array(loop(command[1]).losses(Integer.parseInt(command[2]))) + "}";
            case "round":
                return round(loop(command[1]), Integer.parseInt(command[2]));
            case "memory":
                return "{\"heap_after_gc\": " + usedHeapAfterGc() + "}";
            case "peak":
                return "{\"gflops\": " + PeakFlops.gflops(5, 20_000_000) + ", \"bits\": " + PeakFlops.bits() + "}";
            default:
                return "{\"error\": " + Json.string("unknown command " + command[0]) + "}";
        }
    }

    private CharRnnBench loop(String hidden) {
        return loops.computeIfAbsent(Integer.parseInt(hidden), CharRnnBench::new);
    }

    private String round(CharRnnBench loop, int iterations) {
        long allocated = threads.getCurrentThreadAllocatedBytes();
        long cpu = os.getProcessCpuTime();
        long began = System.nanoTime();
        TrainingRun<Rnn> run = loop.round(iterations);
        double wall = (System.nanoTime() - began) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
        allocated = threads.getCurrentThreadAllocatedBytes() - allocated;
        double[] losses = run.losses();
        return "{\"wall\": " + wall + ", \"cpu\": " + cpuSeconds + ", \"allocated\": " + allocated
                + ", \"loss_first\": " + losses[0] + ", \"loss_last\": " + losses[losses.length - 1]
                + ", \"diverged\": " + run.diverged() + "}";
    }

    /** The corpus and the initial U, W, b, V, c, for the numpy and PyTorch workers to start from the same point. */
    private static String weights(Rnn rnn) {
        RnnParams p = rnn.params();
        return "{\"text\": " + Json.string(Corpus.TEXT) + ", \"steps\": " + CharRnnBench.STEPS
                + ", \"U\": " + Json.matrix(p.U()) + ", \"W\": " + Json.matrix(p.W()) + ", \"b\": " + Json.array(p.b())
                + ", \"V\": " + Json.matrix(p.V()) + ", \"c\": " + Json.array(p.c()) + "}";
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /** The little JSON the protocol needs: numbers (Double.toString round-trips), arrays, strings. */
    private static final class Json {
        private Json() {
        }

        static String array(double[] xs) {
            StringJoiner j = new StringJoiner(", ", "[", "]");
            for (double x : xs) {
                j.add(Double.isFinite(x) ? Double.toString(x) : "null");
            }
            return j.toString();
        }

        static String matrix(double[][] rows) {
            StringJoiner j = new StringJoiner(", ", "[", "]");
            for (double[] row : rows) {
                j.add(array(row));
            }
            return j.toString();
        }

        static String string(String s) {
            StringBuilder b = new StringBuilder("\"");
            for (char ch : s.toCharArray()) {
                switch (ch) {
                    case '"': b.append("\\\""); break;
                    case '\\': b.append("\\\\"); break;
                    case '\n': b.append("\\n"); break;
                    default:
                        if (ch < 0x20) {
                            b.append(String.format("\\u%04x", (int) ch));
                        } else {
                            b.append(ch);
                        }
                }
            }
            return b.append('"').toString();
        }
    }
}
