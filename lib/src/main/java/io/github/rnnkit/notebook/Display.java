package io.github.rnnkit.notebook;

import java.util.Map;

/**
 * Where {@link Show} sends rich output: a running Jupyter kernel, or standard output.
 */
interface Display {

    /** Shows {@code value} under the MIME type {@code mime}; returns an id for later updates, or null. */
    String show(String mime, Object value);

    /** Replaces what an earlier {@link #show} with this id displayed. */
    void update(String id, String mime, Object value);

    /**
     * Shows one output holding the same thing under several MIME types (MIME type → value: a String, or
     * a JSON tree of maps and lists for a "+json" type); the notebook picks the richest it can render.
     * Returns false when this display cannot take a bundle, so the caller shows a single type instead.
     */
    boolean showAll(Map<String, Object> bundle);

    /** True when output reaches a notebook rather than plain standard output. */
    boolean isKernel();
}
