/**
 * XChart charts in one house style ({@link io.github.rnnkit.plot.Plots}, {@link io.github.rnnkit.plot.LinePlot}):
 * a log axis plots log10(y) so twenty decades stay readable; a noisy curve is shown as block means
 * m_i = (y_{iw} + … + y_{iw+w−1}) / w. Movable figures ({@link io.github.rnnkit.plot.MovablePlot},
 * {@link io.github.rnnkit.plot.MovableFigure}): curves y = f(x; κ_1, …, κ_m) over a grid of knob settings
 * κ, as a Vega-Lite v5 spec with an input per knob and, drawn in the same style, the view at the initial κ.
 */
package io.github.rnnkit.plot;
