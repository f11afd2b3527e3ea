package io.github.rnnkit.notebook;

import io.github.rnnkit.plot.MovableFigure;
import io.github.rnnkit.util.Check;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

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
 * Show.movable(Plots.movable("‖W^k‖").slider("rho", "ρ", rhos, 1).series("‖W^k‖", ks, s -> …).build());
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

    /**
     * A figure a student can move, as ONE output holding three types: its Vega-Lite spec (JupyterLab 4 and
     * Notebook 7 draw it, with the knobs), a PNG of its default view (what nbconvert, the static site,
     * GitHub and other front ends show), and a line of text (a terminal, or a kernel that takes neither).
     * In a kernel whose display takes no bundle it shows the PNG alone.
     */
    public static void movable(MovableFigure figure) {
        if (figure == null) {
            throw new IllegalArgumentException("figure: expected a MovableFigure (Plots.movable(…)…build()), got null");
        }
        movable(figure, KernelDisplay.current());
    }

    /** {@link #movable(MovableFigure)} on a given display: the bundle, or the PNG alone where it takes none. */
    static void movable(MovableFigure figure, Display display) {
        if (!display.showAll(bundle(figure))) {
            display.show("image/png", BitmapEncoder.getBufferedImage(figure.defaultView()));
        }
    }

    /** The MIME bundle {@link #movable} shows: Vega-Lite, image/png (base64, as Jupyter carries it), text/plain. */
    static Map<String, Object> bundle(MovableFigure figure) {
        byte[] png;
        try {
            png = BitmapEncoder.getBitmapBytes(figure.defaultView(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the figure's default view as PNG", e);
        }
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put(MovableFigure.MIME, figure.spec());
        bundle.put("image/png", Base64.getEncoder().encodeToString(png));
        bundle.put("text/plain", figure.toString());
        return bundle;
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
