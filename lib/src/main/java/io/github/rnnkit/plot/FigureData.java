package io.github.rnnkit.plot;

import java.util.List;

/**
 * What a movable figure draws, computed once by {@link MovablePlot#build()}: the knobs, the series,
 * every setting and, per setting and series, the y values ({@code ys[setting][series][i]}, NaN for no
 * point). {@code yDomain} is the y range both views share, in axis units: log10(y) on a log axis
 * (whole decades), y otherwise.
 */
record FigureData(String title, String xLabel, String yLabel, boolean logY, int width, int height,
                  List<Knob> knobs, List<String> names, List<Boolean> dashed, List<double[]> xs,
                  List<Setting> settings, double[][][] ys, int initial, double[] yDomain) {

    /** Points (x, y) with a number for y at the initial setting, over every series. */
    int initialPoints() {
        int n = 0;
        for (double[] y : ys[initial]) {
            for (double v : y) {
                n += Double.isNaN(v) ? 0 : 1;
            }
        }
        return n;
    }

    /** Points with a number for y over every setting and series: the rows of the spec's data. */
    int points() {
        int n = 0;
        for (double[][] setting : ys) {
            for (double[] y : setting) {
                for (double v : y) {
                    n += Double.isNaN(v) ? 0 : 1;
                }
            }
        }
        return n;
    }
}
