package io.github.rnnkit.experiment;

import io.github.rnnkit.plot.LinePlot;
import io.github.rnnkit.plot.Plots;
import io.github.rnnkit.util.Check;
import org.knowm.xchart.XYChart;

import java.awt.Color;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The learning curves of a recorded experiment: for each model at its best learning rate under
 * one optimiser ({@link Summary#bestRate}), every seed's test MSE against the training sequences
 * seen, on a log axis, beside the three levels of the adding problem: always answering 1
 * (MSE = 1/6), remembering one number of the two (MSE = Var(v) = 1/12, {@link Summary#ONE_NUMBER})
 * and success (0.01, {@link Experiment#SUCCESS}). A model's seeds share its colour and only seed 1
 * is named in the legend; a diverged run is drawn up to its last finite checkpoint, and a run with
 * none is not drawn.
 */
public final class LearningCurves {

    private LearningCurves() {
    }

    /** Every seed's test MSE of each of {@code models} at its best rate under {@code optimizer}, a colour per model. */
    public static XYChart atBestRate(Recorded record, String optimizer, List<Model> models, String title) {
        Check.notNull("record", record, "a Recorded experiment");
        Check.notNull("models", models, "the models to show");
        if (record.learningRates(optimizer).isEmpty()) {
            throw new IllegalArgumentException("optimizer: expected an optimiser the record has (SGD or Adam), got " + optimizer);
        }
        // Wider than the house size: the legend names a model and its rate, and XChart centres the title over the plot area left of it.
        LinePlot plot = Plots.line(title).xLabel("training sequences").yLabel("test MSE").logY().size(Plots.WIDTH + 180, Plots.HEIGHT);
        Map<String, Integer> modelOf = new HashMap<>();
        for (int m = 0; m < models.size(); m++) {
            double rate = Summary.bestRate(record, models.get(m), optimizer);
            for (CellResult run : record.select(models.get(m), optimizer, rate)) {
                int finite = finitePrefix(run.mse());
                if (finite == 0) {
                    continue;
                }
                String name = models.get(m).label() + ", η = " + Summary.rate(rate) + (run.cell().seed() == 1 ? "" : ", seed " + run.cell().seed());
                plot.series(name, Arrays.copyOf(record.checkpoints(), finite), Arrays.copyOf(run.mse(), finite));
                modelOf.put(name, m);
            }
        }
        XYChart chart = plot.hline("always answer 1", 1.0 / 6).hline("one number, 1/12", Summary.ONE_NUMBER)
                .hline("success, 0.01", Experiment.SUCCESS).build();
        chart.getSeriesMap().forEach((name, series) -> {
            Integer m = modelOf.get(name);
            series.setLineColor(m == null ? Color.GRAY : Plots.PALETTE[m % Plots.PALETTE.length]);
            series.setShowInLegend(m == null || !name.contains(", seed "));
        });
        return chart;
    }

    /** How many checkpoints come before the first that is not finite: where a diverged run stops. */
    private static int finitePrefix(double[] mse) {
        int n = 0;
        while (n < mse.length && Double.isFinite(mse[n])) {
            n++;
        }
        return n;
    }
}
