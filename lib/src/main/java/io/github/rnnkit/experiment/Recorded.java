package io.github.rnnkit.experiment;

import io.github.rnnkit.util.Check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The record of an experiment as {@code ./kit experiments} wrote it: a CSV file whose first lines,
 * "# key = value", give every parameter and the code version (git commit, a SHA-256 of the
 * library's sources, the JVM), then one row per cell (its width is the header's H):
 *
 * <pre>
 *   model,optimizer,learning_rate,batch,seed,mse_8000,…,mse_96000,diverged_after,cpu_seconds
 * </pre>
 *
 * Numbers are written as Java prints a double, so they read back bit for bit. Records ship inside
 * the library's jar ({@code io/github/rnnkit/experiments/NAME.csv}): {@link #load} finds them in a
 * notebook kernel, the grader's sandbox, JupyterHub and Binder alike. Immutable.
 */
public final class Recorded {

    private static final String FOLDER = "/io/github/rnnkit/experiments/";

    private final Map<String, String> header;
    private final List<CellResult> results;

    private Recorded(Map<String, String> header, List<CellResult> results) {
        this.header = Collections.unmodifiableMap(new LinkedHashMap<>(header));
        this.results = List.copyOf(results);
    }

    /** The experiment called {@code name} (e.g. "adding-vanilla"), as recorded in the library's jar. */
    public static Recorded load(String name) {
        Experiment.named(name);
        try (InputStream in = Recorded.class.getResourceAsStream(FOLDER + name + ".csv")) {
            if (in == null) {
                throw new IllegalArgumentException("name: expected an experiment recorded in the library's jar, got " + name
                        + " with no " + FOLDER + name + ".csv (run ./kit experiments " + name + ")");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A record from CSV text in the format above. */
    public static Recorded parse(String csv) {
        Check.notNull("csv", csv, "the text of a record");
        try {
            return read(new StringReader(csv));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A record of {@code results}, with the header lines given (parameters, code version). */
    public static Recorded of(Map<String, String> header, List<CellResult> results) {
        Check.notNull("header", header, "the record's parameters");
        Check.notNull("results", results, "the results of the cells");
        List<CellResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparing((CellResult r) -> r.cell().model()).thenComparing(r -> r.cell().optimizer(),
                Comparator.reverseOrder()).thenComparingDouble(r -> r.cell().learningRate())
                .thenComparingInt(r -> r.cell().batch()).thenComparingInt(r -> r.cell().seed()));
        return new Recorded(header, sorted);
    }

    private static Recorded read(Reader source) throws IOException {
        BufferedReader in = new BufferedReader(source);
        Map<String, String> header = new LinkedHashMap<>();
        List<CellResult> results = new ArrayList<>();
        String columns = null;
        int lineNumber = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            if (line.startsWith("# ")) {
                int eq = line.indexOf(" = ");
                if (eq < 0) {
                    throw new IllegalArgumentException("csv: expected '# key = value' on line " + lineNumber + ", got " + line);
                }
                header.put(line.substring(2, eq), line.substring(eq + 3));
            } else if (columns == null) {
                columns = line;
            } else if (!line.isBlank()) {
                int hidden = header.containsKey("H") ? Integer.parseInt(header.get("H")) : Experiment.HIDDEN;
                results.add(row(line, columns, lineNumber, hidden));
            }
        }
        if (columns == null) {
            throw new IllegalArgumentException("csv: expected a line of column names after the header, got none");
        }
        return new Recorded(header, results);
    }

    private static CellResult row(String line, String columns, int lineNumber, int hidden) {
        String[] names = columns.split(",");
        String[] f = line.split(",", -1);
        if (f.length != names.length || names.length < 8) {
            throw new IllegalArgumentException("csv: expected " + names.length + " fields on line " + lineNumber + ", got " + f.length);
        }
        Cell cell = new Cell(Model.of(f[0]), f[1], Double.parseDouble(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4]), hidden);
        double[] mse = new double[names.length - 7];
        for (int k = 0; k < mse.length; k++) {
            mse[k] = Double.parseDouble(f[5 + k]);
        }
        String diverged = f[f.length - 2];
        return new CellResult(cell, mse, diverged.isEmpty() ? -1 : Integer.parseInt(diverged), Double.parseDouble(f[f.length - 1]));
    }

    /** Writes the record in the format {@link #parse} reads. */
    public void write(Writer out) throws IOException {
        for (Map.Entry<String, String> e : header.entrySet()) {
            out.write("# " + e.getKey() + " = " + e.getValue().replace('\n', ' ') + "\n");
        }
        StringBuilder columns = new StringBuilder("model,optimizer,learning_rate,batch,seed");
        int checkpoints = results.isEmpty() ? Experiment.SEQUENCES / Experiment.EVERY : results.get(0).mse().length;
        for (int k = 1; k <= checkpoints; k++) {
            columns.append(",mse_").append(k * Experiment.EVERY);
        }
        out.write(columns.append(",diverged_after,cpu_seconds\n").toString());
        for (CellResult r : results) {
            Cell c = r.cell();
            StringBuilder row = new StringBuilder(c.model().id() + "," + c.optimizer() + "," + c.learningRate() + "," + c.batch() + "," + c.seed());
            for (double m : r.mse()) {
                row.append(',').append(m);
            }
            row.append(',').append(r.divergedAfter() < 0 ? "" : Integer.toString(r.divergedAfter()));
            row.append(',').append(String.format(java.util.Locale.ROOT, "%.2f", r.cpuSeconds())).append('\n');
            out.write(row.toString());
        }
    }

    /** The header: every parameter and the code version, by key. */
    public Map<String, String> header() {
        return header;
    }

    /** The header's value for {@code key}, or "" if it has none. */
    public String header(String key) {
        return header.getOrDefault(key, "");
    }

    /** Every cell's result, in the record's order. */
    public List<CellResult> results() {
        return results;
    }

    /** The recorded result of {@code cell}. */
    public CellResult result(Cell cell) {
        for (CellResult r : results) {
            if (r.cell().equals(cell)) {
                return r;
            }
        }
        throw new IllegalArgumentException("cell: expected a cell of this record, got " + cell.id());
    }

    /** The runs of one model, optimiser ("SGD" or "Adam") and learning rate, every batch size, by seed. */
    public List<CellResult> select(Model model, String optimizer, double learningRate) {
        List<CellResult> out = new ArrayList<>();
        for (CellResult r : results) {
            Cell c = r.cell();
            if (c.model() == model && c.optimizer().equals(optimizer) && c.learningRate() == learningRate) {
                out.add(r);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("learningRate: expected a rate this record has for " + model.id() + " with "
                    + optimizer + " (" + learningRates(optimizer) + "), got " + learningRate);
        }
        return out;
    }

    /** The models this record holds, in order. */
    public List<Model> models() {
        return results.stream().map(r -> r.cell().model()).distinct().toList();
    }

    /** The learning rates this record holds for an optimiser, in increasing order. */
    public List<Double> learningRates(String optimizer) {
        return results.stream().filter(r -> r.cell().optimizer().equals(optimizer)).map(r -> r.cell().learningRate())
                .distinct().sorted().toList();
    }

    /** The sequences seen at each checkpoint: 8000, 16000, …. */
    public double[] checkpoints() {
        int n = results.isEmpty() ? 0 : results.get(0).mse().length;
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = (k + 1.0) * Experiment.EVERY;
        }
        return out;
    }

    @Override
    public String toString() {
        return "Recorded[" + header("experiment") + ", " + results.size() + " runs, commit " + header("git_commit") + "]";
    }
}
