package io.github.rnnkit.notebook;

import java.awt.image.RenderedImage;
import java.io.PrintStream;
import java.util.Map;

/**
 * The display outside a kernel (JShell, a test, a main method): text goes to standard output as
 * it is; an image is announced by its size, since a terminal cannot show it.
 */
final class StdoutDisplay implements Display {

    @Override
    public String show(String mime, Object value) {
        out().println(asText(value));
        return null;
    }

    @Override
    public void update(String id, String mime, Object value) {
        out().println(asText(value));
    }

    /** A terminal shows the bundle's text/plain, the one type written for it. */
    @Override
    public boolean showAll(Map<String, Object> bundle) {
        out().println(asText(bundle.getOrDefault("text/plain", "[an output of types " + bundle.keySet() + "]")));
        return true;
    }

    @Override
    public boolean isKernel() {
        return false;
    }

    private static String asText(Object value) {
        if (value instanceof RenderedImage img) {
            return "[image " + img.getWidth() + "×" + img.getHeight() + " px: open this notebook in Jupyter to see it]";
        }
        return String.valueOf(value);
    }

    /** Read on every call so that a redirected System.out (as in tests) is honoured. */
    private static PrintStream out() {
        return System.out;
    }
}
