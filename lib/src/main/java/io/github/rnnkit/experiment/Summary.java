package io.github.rnnkit.experiment;

import io.github.rnnkit.notebook.TableBuilder;
import io.github.rnnkit.util.Check;
import io.github.rnnkit.util.Spread;
import io.github.rnnkit.plot.Plots;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

import java.awt.Color;

import java.util.ArrayList;
import java.util.List;

/**
 * A record's runs summed up over seeds, for the lessons' tables. For one model, optimiser and
 * learning rate: how many seeds succeeded (final test MSE &lt; {@link Experiment#SUCCESS}) out of
 * how many, how many ended below 1/12 (better than remembering one of the two numbers: answering
 * u + ½ for the remembered u scores Var(v) = 1/12), the median final test MSE and its range
 * (min–max) over seeds, and the median number of sequences until the first checkpoint below a
 * threshold (over the seeds that got there).
 */
public final class Summary {

    private Summary() {
    }

    /** "3/5": the seeds that succeeded, of all seeds. */
    public static String successes(List<CellResult> runs) {
        Check.notNull("runs", runs, "the runs of one setting over seeds");
        return runs.stream().filter(CellResult::succeeded).count() + "/" + runs.size();
    }

    /** The test MSE of a network that remembers one of the two numbers exactly and nothing of the other: Var(U[0, 1]) = 1/12. */
    public static final double ONE_NUMBER = 1.0 / 12;

    /** "4/5": the seeds whose final test MSE is below {@code threshold}, of all seeds. */
    public static String below(List<CellResult> runs, double threshold) {
        Check.notNull("runs", runs, "the runs of one setting over seeds");
        return runs.stream().filter(r -> r.finalMse() < threshold).count() + "/" + runs.size();
    }

    /** The final test MSE of each run (NaN for a diverged one). */
    public static double[] finalMse(List<CellResult> runs) {
        return runs.stream().mapToDouble(CellResult::finalMse).toArray();
    }

    /** "0.0042 (0.0009–0.161)": the median final test MSE and its range over seeds, with the diverged counted. */
    public static String medianAndRange(List<CellResult> runs) {
        Spread s = Spread.of(finalMse(runs));
        String text = String.format("%.3g (%.3g–%.3g)", s.median(), s.min(), s.max());
        return s.nans() == 0 ? text : text + ", " + s.nans() + " diverged";
    }

    /** The learning rate whose runs succeed most often, ties broken by the lower median final test MSE. */
    public static double bestRate(Recorded record, Model model, String optimizer) {
        double best = Double.NaN;
        long bestWins = -1;
        double bestMedian = Double.POSITIVE_INFINITY;
        for (double rate : record.learningRates(optimizer)) {
            List<CellResult> runs = record.select(model, optimizer, rate);
            long wins = runs.stream().filter(CellResult::succeeded).count();
            double median = Spread.of(finalMse(runs)).median();
            median = Double.isNaN(median) ? Double.POSITIVE_INFINITY : median;
            if (wins > bestWins || (wins == bestWins && median < bestMedian)) {
                best = rate;
                bestWins = wins;
                bestMedian = median;
            }
        }
        return best;
    }

    /**
     * One row per model, one column per learning rate of {@code optimizer}: "k/n · j/n · median (range)",
     * k the successes (final test MSE &lt; 0.01), j the runs below 1/12, and the final test MSE over seeds.
     */
    public static Table byRate(Recorded record, String optimizer, List<Model> models, String title) {
        Check.notNull("record", record, "a Recorded experiment");
        List<Double> rates = record.learningRates(optimizer);
        if (rates.isEmpty()) {
            throw new IllegalArgumentException("optimizer: expected SGD or Adam, as the record has, got " + optimizer);
        }
        List<String> columns = new ArrayList<>(List.of("network"));
        rates.forEach(r -> columns.add(optimizer + ", η = " + rate(r)));
        TableBuilder t = TableBuilder.of(title, columns.toArray(new String[0]));
        for (Model m : models) {
            List<Object> row = new ArrayList<>(List.of(m.label()));
            for (double r : rates) {
                List<CellResult> runs = record.select(m, optimizer, r);
                row.add(successes(runs) + " · " + below(runs, ONE_NUMBER) + " · " + medianAndRange(runs));
            }
            t.row(row.toArray());
        }
        return t.build();
    }

    /** A learning rate as written in the grid: 0.0003, 0.01, 0.3 (no exponent, no trailing zeros). */
    public static String rate(double learningRate) {
        return new java.math.BigDecimal(Double.toString(learningRate)).stripTrailingZeros().toPlainString();
    }

    /** The median sequences to the first checkpoint below {@code threshold}, over the runs that got there, or NaN. */
    public static double medianSequencesBelow(List<CellResult> runs, double threshold) {
        double[] got = runs.stream().mapToInt(r -> r.firstBelow(threshold)).filter(n -> n > 0).asDoubleStream().toArray();
        return got.length == 0 ? Double.NaN : Spread.of(got).median();
    }

    /**
     * Every seed's final test MSE as a dot, each model at its best learning rate under each
     * optimiser (SGD dots, then Adam dots, seed by seed within a model's slot), on a log axis, with
     * the success line at 0.01: the spread over seeds at a glance, a bimodal setting included. A
     * diverged run has no dot.
     */
    public static CategoryChart finalMseBySeed(Recorded record, List<Model> models, String title) {
        Check.notNull("record", record, "a Recorded experiment");
        Check.notNull("models", models, "the models to show");
        CategoryChart chart = seedChart(title);
        List<String> labels = models.stream().map(Model::label).toList();
        String[] optimizers = {"SGD", "Adam"};
        for (int o = 0; o < optimizers.length; o++) {
            List<List<CellResult>> runs = new ArrayList<>();
            for (Model m : models) {
                runs.add(record.select(m, optimizers[o], bestRate(record, m, optimizers[o])));
            }
            addSeeds(chart, labels, runs, optimizers[o] + " at its best η", Plots.PALETTE[o]);
        }
        addSuccessLine(chart, labels);
        return chart;
    }

    /**
     * Every seed's final test MSE as a dot, for every learning rate of one optimiser (a colour per
     * rate, seed by seed within a model's slot), on a log axis, with the success line at 0.01: where a
     * setting succeeds in some seeds and not in others, the dots split.
     */
    public static CategoryChart finalMseBySeed(Recorded record, List<Model> models, String optimizer, String title) {
        Check.notNull("record", record, "a Recorded experiment");
        Check.notNull("models", models, "the models to show");
        List<Double> rates = record.learningRates(optimizer);
        if (rates.isEmpty()) {
            throw new IllegalArgumentException("optimizer: expected SGD or Adam, as the record has, got " + optimizer);
        }
        CategoryChart chart = seedChart(title);
        List<String> labels = models.stream().map(Model::label).toList();
        for (int k = 0; k < rates.size(); k++) {
            List<List<CellResult>> runs = new ArrayList<>();
            for (Model m : models) {
                runs.add(record.select(m, optimizer, rates.get(k)));
            }
            addSeeds(chart, labels, runs, optimizer + ", η = " + rate(rates.get(k)), Plots.PALETTE[k % Plots.PALETTE.length]);
        }
        addSuccessLine(chart, labels);
        return chart;
    }

    private static CategoryChart seedChart(String title) {
        CategoryChart chart = new CategoryChart(Plots.WIDTH, Plots.HEIGHT);
        chart.setTitle(title);
        chart.setYAxisTitle("final test MSE");
        Plots.apply(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisLabelRotation(30);
        chart.getStyler().setMarkerSize(7);
        return chart;
    }

    /** One series per seed, named after the first; runs.get(model).get(seed); a diverged run gives no dot. */
    private static void addSeeds(CategoryChart chart, List<String> labels, List<List<CellResult>> runs, String name, Color colour) {
        int seeds = runs.get(0).size();
        for (int s = 0; s < seeds; s++) {
            List<Double> y = new ArrayList<>();
            for (List<CellResult> r : runs) {
                double v = s < r.size() ? r.get(s).finalMse() : Double.NaN;
                y.add(Double.isFinite(v) ? v : null);
            }
            CategorySeries series = chart.addSeries(name + (s == 0 ? "" : ", seed " + (s + 1)), labels, y);
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setMarkerColor(colour);
            series.setShowInLegend(s == 0);
        }
    }

    private static void addSuccessLine(CategoryChart chart, List<String> labels) {
        CategorySeries line = chart.addSeries("success: 0.01", labels, labels.stream().map(m -> Experiment.SUCCESS).toList());
        line.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        line.setLineColor(Color.GRAY);
        line.setMarker(SeriesMarkers.NONE);
    }
}
