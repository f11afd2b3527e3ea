package io.github.rnnkit.plot;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;

import java.awt.Color;
import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeatMapTest {

    /** Relative luminance (ITU-R BT.709 weights on linearised sRGB). */
    static double luminance(Color c) {
        double[] rgb = {c.getRed() / 255.0, c.getGreen() / 255.0, c.getBlue() / 255.0};
        for (int i = 0; i < 3; i++) {
            rgb[i] = rgb[i] <= 0.04045 ? rgb[i] / 12.92 : Math.pow((rgb[i] + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    }

    @Test
    void theColourBarRunsOverWholeDecadesAroundTheData() {
        // log10 entries: 0, −1.30, 0 → the bar from −2 to 0
        HeatMapChart chart = Plots.log10HeatMap("t", "k", "t", new double[][] {{1, 0}, {0.05, 1}});
        assertEquals(-2, chart.getStyler().getMin());
        assertEquals(0, chart.getStyler().getMax());
        // log10 entries 0 and 2.40 → from 0 to 3
        HeatMapChart above = Plots.log10HeatMap("t", "k", "t", new double[][] {{1, 0}, {250, 1}});
        assertEquals(0, above.getStyler().getMin());
        assertEquals(3, above.getStyler().getMax());
    }

    @Test
    void theColourBarsLabelsAreTheRoundEndsNotAPaddedMaximum() {
        // XChart writes the two labels of a gradient bar as the series' min and max, plain, set when it paints
        HeatMapChart chart = Plots.log10HeatMap("t", "k", "t", new double[][] {{1, 0}, {1e-3, 1}});
        BitmapEncoder.getBufferedImage(chart);
        assertEquals("0.0", String.valueOf(chart.getHeatMapSeries().getMax()));
        assertEquals("-3.0", String.valueOf(chart.getHeatMapSeries().getMin()));
    }

    @Test
    void theColourMapIsOneSidedItsLightnessRisingWithTheValue() {
        Color[] colours = Plots.log10HeatMap("t", "k", "t", new double[][] {{1}}).getStyler().getRangeColors();
        for (int i = 1; i < colours.length; i++) {
            assertTrue(luminance(colours[i]) > luminance(colours[i - 1]), "stop " + i + " lighter than stop " + (i - 1));
        }
    }

    @Test
    void anEntryAHairBelowTheTopDecadeIsDrawn() {
        // log10 of the largest double below 1 is −4.8e-17: (v − (−2))/2 rounds to exactly 1
        HeatMapChart chart = Plots.log10HeatMap("t", "k", "t", new double[][] {{Math.nextDown(1.0), 0}, {0.01, 1}});
        BufferedImage image = assertDoesNotThrow(() -> BitmapEncoder.getBufferedImage(chart));
        assertEquals(chart.getWidth(), image.getWidth());
    }

    @Test
    void onlyEntriesAboveZeroBecomeCells() {
        HeatMapChart chart = Plots.log10HeatMap("t", "k", "t", new double[][] {{1, 0, 0}, {0.5, 1, 0}, {0.1, 0.2, 1}});
        assertEquals(6, chart.getHeatMapSeries().getHeatData().size());
    }
}
