package io.github.rnnkit.experiment;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * What {@code ./kit experiments} runs (tools/rnnkit_tools/experiments.py starts it):
 *
 * <pre>
 *   run NAME --out DIR --partial DIR --commit C --sources SHA [--threads N] [--minutes M] [--keep-partial yes]
 *   check NAME [--sample-seed S]
 * </pre>
 *
 * {@code run} trains every cell of the experiment on N threads (default: every core), cells being
 * independent and each one deterministic, and writes DIR/NAME.csv ({@link Recorded}). Finished cells
 * go to DIR/NAME.partial.csv as they end, so a run stopped (by --minutes, or by hand) resumes where
 * it was when started again with the same library sources (or with --keep-partial, whatever they
 * are: the check below still re-runs a sample). It prints one line per finished cell,
 * "progress DONE TOTAL CPU_SECONDS CELL", for the kit's progress bar.
 *
 * <p>{@code check} re-runs a sample of the recorded cells (every model once: a vanilla RNN's whole
 * run, a gated network's first two checkpoints) and says whether each equals the record bit for bit,
 * and whether the record lists exactly the experiment's cells with its parameters. Exit status 1 on
 * any difference.
 */
public final class ExperimentRunner {

    private ExperimentRunner() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !(args[0].equals("run") || args[0].equals("check"))) {
            System.err.println("usage: run NAME --out DIR --partial DIR --commit C --sources SHA [--threads N] [--minutes M]"
                    + " | check NAME [--sample-seed S]");
            System.exit(2);
        }
        Map<String, String> options = options(args);
        Experiment experiment = Experiment.named(args[1]);
        int status = args[0].equals("run") ? run(experiment, options) : check(experiment, options, System.out);
        System.exit(status);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 2; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("args: expected --option value pairs after the name, got " + args[i]);
            }
            out.put(args[i].substring(2), args[i + 1]);
        }
        return out;
    }

    private static String required(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null) {
            throw new IllegalArgumentException(key + ": expected --" + key + " VALUE, got nothing");
        }
        return value;
    }

    /** Runs the cells not yet in the partial file; 0 when the record is written, 3 when time ran out first. */
    static int run(Experiment experiment, Map<String, String> options) throws Exception {
        Path out = Path.of(required(options, "out"));
        Path partialDir = Path.of(required(options, "partial"));
        String sources = required(options, "sources");
        int threads = Integer.parseInt(options.getOrDefault("threads", Integer.toString(Runtime.getRuntime().availableProcessors())));
        double minutes = Double.parseDouble(options.getOrDefault("minutes", "Infinity"));
        Files.createDirectories(partialDir);
        Path partial = partialDir.resolve(experiment.name() + ".partial.csv");
        String[] earlierSources = {sources};
        Map<Cell, CellResult> done = resume(partial, sources, experiment, options.containsKey("keep-partial"), earlierSources);
        if (done.isEmpty()) {
            Files.writeString(partial, "# library_sources_sha256 = " + sources + "\n# H = " + experiment.hidden() + "\n" + columns() + "\n");
        }
        List<Cell> todo = new ArrayList<>();
        for (Cell c : experiment.cells()) {
            if (!done.containsKey(c)) {
                todo.add(c);
            }
        }
        todo.sort(Comparator.comparingInt(ExperimentRunner::cost).reversed());   // the longest first: both cores busy to the end
        int total = experiment.cells().size();
        System.out.println("resuming " + done.size() + " " + total + " finished cells from " + partial);
        long deadline = Double.isInfinite(minutes) ? Long.MAX_VALUE : System.nanoTime() + (long) (minutes * 60e9);
        long began = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (BufferedWriter log = Files.newBufferedWriter(partial, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
            List<Future<?>> futures = new ArrayList<>();
            for (Cell cell : todo) {
                futures.add(pool.submit(() -> {
                    if (System.nanoTime() > deadline) {
                        return;
                    }
                    CellResult r = cell.run();
                    synchronized (done) {
                        done.put(cell, r);
                        appendRow(log, r);
                        System.out.printf("progress %d %d %.1f %s%n", done.size(), total, r.cpuSeconds(), cell.id());
                        System.out.flush();
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        if (done.size() < total) {
            System.out.println("stopped after " + minutes + " minutes with " + done.size() + " of " + total
                    + " cells; run the same command again to go on");
            return 3;
        }
        Map<String, String> header = new LinkedHashMap<>(experiment.parameters());
        header.put("git_commit", options.getOrDefault("commit", "unknown"));
        header.put("library_sources_sha256", sources);
        if (!earlierSources[0].equals(sources)) {
            header.put("library_sources_sha256_of_earlier_sessions", earlierSources[0]);
        }
        header.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        header.put("machine", System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, " + threads + " threads");
        header.put("cpu_seconds_total", String.format(java.util.Locale.ROOT, "%.0f",
                done.values().stream().mapToDouble(CellResult::cpuSeconds).sum()));
        header.put("wall_seconds_last_session", String.format(java.util.Locale.ROOT, "%.0f", (System.nanoTime() - began) / 1e9));
        Recorded record = Recorded.of(header, new ArrayList<>(done.values()));
        Files.createDirectories(out);
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve(experiment.name() + ".csv"), StandardCharsets.UTF_8)) {
            record.write(w);
        }
        Files.delete(partial);
        return 0;
    }

    /** A cell's relative cost per sequence: an LSTM step does about four times a vanilla step's work, a GRU three. */
    private static int cost(Cell c) {
        return c.model().name().startsWith("LSTM") ? 5 : c.model().name().startsWith("GRU") ? 3 : 1;
    }

    /** The cells a previous session finished, if it ran the same library sources; else none. */
    private static Map<Cell, CellResult> resume(Path partial, String sources, Experiment experiment, boolean keep,
                                                String[] earlierSources) throws IOException {
        Map<Cell, CellResult> done = new LinkedHashMap<>();
        if (!Files.exists(partial)) {
            return done;
        }
        String text = Files.readString(partial);
        Recorded earlier;
        try {
            earlier = Recorded.parse(text);
        } catch (RuntimeException e) {
            System.out.println("ignoring " + partial + ": " + e.getMessage());
            return done;
        }
        if (!sources.equals(earlier.header("library_sources_sha256"))) {
            if (!keep) {
                System.out.println("ignoring " + partial + ": it was made from other library sources (--keep-partial keeps it)");
                return done;
            }
            System.out.println("keeping " + partial + ", made from other library sources (" + earlier.header("library_sources_sha256") + ")");
            earlierSources[0] = earlier.header("library_sources_sha256");
        }
        Set<Cell> wanted = new HashSet<>(experiment.cells());
        for (CellResult r : earlier.results()) {
            if (wanted.contains(r.cell())) {
                done.put(r.cell(), r);
            }
        }
        return done;
    }

    private static String columns() {
        StringBuilder s = new StringBuilder("model,optimizer,learning_rate,batch,seed");
        for (int k = 1; k <= Experiment.SEQUENCES / Experiment.EVERY; k++) {
            s.append(",mse_").append(k * Experiment.EVERY);
        }
        return s.append(",diverged_after,cpu_seconds").toString();
    }

    private static void appendRow(BufferedWriter log, CellResult r) {
        try {
            java.io.StringWriter row = new java.io.StringWriter();
            Recorded.of(Map.of(), List.of(r)).write(row);
            String[] lines = row.toString().split("\n");
            log.write(lines[lines.length - 1] + "\n");
            log.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Re-runs a sample of the record's cells and compares; 0 when every number is equal. */
    static int check(Experiment experiment, Map<String, String> options, PrintStream out) throws Exception {
        Recorded record = Recorded.load(experiment.name());
        int failures = 0;
        Set<Cell> recorded = new HashSet<>();
        record.results().forEach(r -> recorded.add(r.cell()));
        if (!recorded.equals(new HashSet<>(experiment.cells())) || record.results().size() != experiment.cells().size()) {
            out.println("DIFFERENT: the record lists " + record.results().size() + " cells, the experiment has "
                    + experiment.cells().size() + " (run ./kit experiments " + experiment.name() + ")");
            failures++;
        }
        for (Map.Entry<String, String> p : experiment.parameters().entrySet()) {
            if (!p.getValue().equals(record.header(p.getKey()))) {
                out.println("DIFFERENT: parameter " + p.getKey() + " is '" + p.getValue() + "' in the code, '"
                        + record.header(p.getKey()) + "' in the record");
                failures++;
            }
        }
        List<Cell> sample = sample(experiment, Long.parseLong(options.getOrDefault("sample-seed", "23")));
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        List<Future<CellResult>> runs = new ArrayList<>();
        for (Cell c : sample) {
            runs.add(pool.submit(() -> c.model().gated() ? c.run(2 * Experiment.EVERY) : c.run()));
        }
        for (int i = 0; i < sample.size(); i++) {
            CellResult again = runs.get(i).get();
            CellResult was = record.result(sample.get(i));
            boolean same = again.mse().length == was.mse().length ? was.sameNumbers(again) : was.startsLike(again);
            out.printf("%s: %s (%d checkpoints, %.1f s)%n", sample.get(i).id(), same ? "same" : "DIFFERENT", again.mse().length,
                    again.cpuSeconds());
            if (!same) {
                out.println("  recorded " + java.util.Arrays.toString(was.mse()) + " diverged after " + was.divergedAfter());
                out.println("  now      " + java.util.Arrays.toString(again.mse()) + " diverged after " + again.divergedAfter());
                failures++;
            }
        }
        pool.shutdown();
        return failures == 0 ? 0 : 1;
    }

    /** One cell of every model, drawn with a fixed seed. */
    static List<Cell> sample(Experiment experiment, long seed) {
        Random rng = new Random(seed);
        List<Cell> out = new ArrayList<>();
        for (Model m : experiment.cells().stream().map(Cell::model).distinct().toList()) {
            List<Cell> of = experiment.cells().stream().filter(c -> c.model() == m).toList();
            out.add(of.get(rng.nextInt(of.size())));
        }
        return out;
    }
}
