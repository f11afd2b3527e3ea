package io.github.rnnkit.notebook;

/**
 * A text progress bar, {@code training [#########...........]  45/100}, shown once and then
 * updated in place in a notebook. Outside a kernel it prints a line at each tenth of the way, so
 * a log stays short. Obtain one from {@link Show#progress(String, int)}. Safe to advance from several
 * threads, as parallel training runs do.
 */
public final class Progress {

    private static final int BAR_WIDTH = 30;

    private final Display display;
    private final String label;
    private final int total;
    private final String id;
    private int done;   // guarded by this: training on several threads may advance one bar

    Progress(Display display, String label, int total) {
        this.display = display;
        this.label = label;
        this.total = total;
        this.id = display.show("text/plain", render(0));
    }

    /** Advances by one step. */
    public synchronized void step() {
        update(done + 1);
    }

    /** Sets the number of steps done, between 0 and total. */
    public synchronized void update(int stepsDone) {
        if (stepsDone < 0 || stepsDone > total) {
            throw new IllegalArgumentException(
                    "stepsDone: expected an integer in [0, " + total + "], got " + stepsDone);
        }
        int tenthBefore = done * 10 / total;
        done = stepsDone;
        if (display.isKernel()) {
            display.update(id, "text/plain", render(done));
        } else if (done * 10 / total != tenthBefore) {
            display.show("text/plain", render(done));
        }
    }

    /** Steps done so far. */
    public synchronized int done() {
        return done;
    }

    /** The bar as text for a given number of steps done. */
    String render(int stepsDone) {
        int filled = (int) Math.round((double) BAR_WIDTH * stepsDone / total);
        String width = Integer.toString(Integer.toString(total).length());
        return String.format("%s [%s%s] %" + width + "d/%d", label,
                "#".repeat(filled), ".".repeat(BAR_WIDTH - filled), stepsDone, total);
    }
}
