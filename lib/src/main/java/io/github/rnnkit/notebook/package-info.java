/**
 * Output for notebooks in any Java Jupyter kernel, and as text outside one:
 * {@link io.github.rnnkit.notebook.Show} (charts, movable figures, tables, Markdown, text, progress bars) and
 * {@link io.github.rnnkit.notebook.TableBuilder} (a table written a row at a time). No equations.
 */
package io.github.rnnkit.notebook;
