package io.github.rnnkit.util;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GridTest {

    @Test
    void blockMeansAverageConsecutiveWindowsAndDropAShortLastBlock() {
        assertArrayEquals(new double[] {1.5, 3.5}, Grid.blockMeans(new double[] {1, 2, 3, 4, 100}, 2));
    }

    @Test
    void aWindowOfOneKeepsEveryValue() {
        double[] y = {0.1, 0.2, 0.3};
        assertArrayEquals(y, Grid.blockMeans(y, 1));
    }

    @Test
    void aWindowLongerThanTheSeriesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Grid.blockMeans(new double[] {1, 2}, 3));
    }
}
