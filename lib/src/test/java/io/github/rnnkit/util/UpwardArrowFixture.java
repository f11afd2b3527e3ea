package io.github.rnnkit.util;

import io.github.rnnkit.plot.Plots;

/**
 * A deliberate upward arrow, util → plot (and with plot → util a cycle), compiled with the tests only:
 * PackageLayersTest imports it beside the library to show that its rules fail on such an arrow.
 */
final class UpwardArrowFixture {

    private UpwardArrowFixture() {
    }

    static Class<?> upward() {
        return Plots.class;
    }
}
