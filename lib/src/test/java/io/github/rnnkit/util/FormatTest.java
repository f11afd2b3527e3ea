package io.github.rnnkit.util;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FormatTest {

    @Test
    void aResultOverSeedsReadsMeanThenRange() {
        assertEquals("0.0200 (0.0100–0.0400)", Format.meanAndRange(new double[] {0.04, 0.01, 0.01}, "%.4f"));
    }

    @Test
    void aDivergedRunShowsAsNaN() {
        assertEquals("NaN (NaN–NaN)", Format.meanAndRange(new double[] {1, Double.NaN}, "%.1f"));
    }
}
