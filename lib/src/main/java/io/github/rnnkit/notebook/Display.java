package io.github.rnnkit.notebook;

/**
 * Where {@link Show} sends rich output: a running Jupyter kernel, or standard output.
 */
interface Display {

    /** Shows {@code value} under the MIME type {@code mime}; returns an id for later updates, or null. */
    String show(String mime, Object value);

    /** Replaces what an earlier {@link #show} with this id displayed. */
    void update(String id, String mime, Object value);

    /** True when output reaches a notebook rather than plain standard output. */
    boolean isKernel();
}
