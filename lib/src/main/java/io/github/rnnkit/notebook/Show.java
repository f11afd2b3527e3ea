package io.github.rnnkit.notebook;

import io.github.rnnkit.util.Check;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * Rich output for notebooks that works in any Java Jupyter kernel, and as plain text outside one.
 *
 * <p>Every method returns nothing, so a cell ending in {@code Show.chart(c);} shows the chart and
 * no stray value (rapaio's kernel shows the last expression of a cell even after a semicolon).
 * The kernel's display is looked up once, on first use: there is nothing to set up or reset.
 *
 * <pre>{@code
 * Show.chart(Plots.line("σ'(z)").series("σ'", z, ds).build());
 * Show.table(TableBuilder.of("Slopes", "activation", "γ").row("σ", 0.25).row("tanh", 1).build());
 * Show.markdown("The largest slope is **" + max + "**.");
 * }</pre>
 */
public final class Show {

    /** Rows of a table shown before the rest is summarised, so a long table cannot flood a page. */
    public static final int MAX_TABLE_ROWS = 200;

    private Show() {
    }

    /** An XChart chart, rendered to a PNG image at its own width and height. */
    public static void chart(Chart<?, ?> chart) {
        if (chart == null) {
            throw new IllegalArgumentException("chart: expected an XChart chart, got null");
        }
        KernelDisplay.current().show("image/png", BitmapEncoder.getBufferedImage(chart));
    }

    /** A tablesaw table as an HTML table (text as plain columns outside a kernel). */
    public static void table(Table table) {
        if (table == null) {
            throw new IllegalArgumentException("table: expected a tablesaw Table, got null");
        }
        Display display = KernelDisplay.current();
        if (display.isKernel()) {
            display.show("text/html", HtmlTable.of(table, MAX_TABLE_ROWS));
        } else {
            display.show("text/plain", table.printAll());
        }
    }

    /** The HTML a table is shown as: escaped cells, at most {@link #MAX_TABLE_ROWS} rows. */
    public static String tableHtml(Table table) {
        Check.notNull("table", table, "a tablesaw Table");
        return HtmlTable.of(table, MAX_TABLE_ROWS);
    }

    /** Markdown (with LaTeX between dollar signs), rendered by the notebook. */
    public static void markdown(String markdown) {
        KernelDisplay.current().show("text/markdown", String.valueOf(markdown));
    }

    /** Plain text. */
    public static void text(String text) {
        KernelDisplay.current().show("text/plain", String.valueOf(text));
    }

    /**
     * A progress bar for {@code total} steps, updated in place in a notebook and printed as a line
     * every tenth of the way outside one. Use it as {@code Progress p = Show.progress("training", 300);}.
     */
    public static Progress progress(String label, int total) {
        Check.atLeast("total", total, 1);
        return new Progress(KernelDisplay.current(), label == null ? "" : label, total);
    }
}
