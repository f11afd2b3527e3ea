/**
 * XChart charts in one house style ({@link io.github.rnnkit.plot.Plots}, {@link io.github.rnnkit.plot.LinePlot}):
 * a log axis plots log10(y) so twenty decades stay readable; a noisy curve is shown as block means
 * m_i = (y_{iw} + … + y_{iw+w−1}) / w.
 */
package io.github.rnnkit.plot;
