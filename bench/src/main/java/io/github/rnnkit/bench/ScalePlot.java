package io.github.rnnkit.bench;

import io.github.rnnkit.plot.Plots;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scale figure of {@code ./kit bench --scale}: time per training iteration against H, both
 * axes logarithmic, one series per contestant, and a line ∝ H² (the cost of W h, Wᵀδ and δhᵀ per
 * step) through the largest-H point of the first series, so that a slope of 2 can be seen.
 *
 * <p>Usage: {@code ScalePlot TSV PNG}, a tab-separated file of rows {@code contestant H milliseconds}.
 */
public final class ScalePlot {

    private ScalePlot() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] f = line.split("\t");
            series.computeIfAbsent(f[0], k -> new ArrayList<>())
                    .add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
        }
        XYChart chart = new XYChart(960, 480);
        chart.setTitle("Time per training iteration against H (T = 25), log–log");
        chart.setXAxisTitle("H (hidden units)");
        chart.setYAxisTitle("ms per iteration (median)");
        Plots.apply(chart.getStyler());
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true).setMarkerSize(8);
        chart.getStyler().setXAxisLogarithmicDecadeOnly(false); // 32…512 holds one decade tick (100) only
        double[] anchor = null;
        for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
            double[] h = e.getValue().stream().mapToDouble(p -> p[0]).toArray();
            double[] ms = e.getValue().stream().mapToDouble(p -> p[1]).toArray();
            chart.addSeries(e.getKey(), h, ms).setMarker(SeriesMarkers.CIRCLE);
            if (anchor == null) {
                anchor = new double[] {h[h.length - 1], ms[ms.length - 1], h[0]};
            }
        }
        if (anchor != null) {
            double[] h = {anchor[2], anchor[0]};
            double[] ms = {anchor[1] * Math.pow(anchor[2] / anchor[0], 2), anchor[1]};
            XYSeries reference = chart.addSeries("∝ H² (slope 2)", h, ms);
            reference.setMarker(SeriesMarkers.NONE).setLineStyle(new java.awt.BasicStroke(1.5f,
                    java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {6f, 6f}, 0f));
            reference.setLineColor(java.awt.Color.GRAY);
        }
        BitmapEncoder.saveBitmap(chart, args[1], BitmapEncoder.BitmapFormat.PNG);
    }
}
