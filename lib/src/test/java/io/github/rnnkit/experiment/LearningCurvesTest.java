package io.github.rnnkit.experiment;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LearningCurvesTest {

    private static final int CHECKPOINTS = Experiment.SEQUENCES / Experiment.EVERY;

    /** A run whose test MSE is {@code level} at every checkpoint, NaN from checkpoint {@code divergesAt} on (−1: never). */
    private static CellResult run(Model m, double rate, int seed, double level, int divergesAt) {
        double[] mse = new double[CHECKPOINTS];
        Arrays.fill(mse, level);
        if (divergesAt >= 0) {
            Arrays.fill(mse, divergesAt, CHECKPOINTS, Double.NaN);
        }
        return new CellResult(new Cell(m, "SGD", rate, 1, seed), mse, divergesAt < 0 ? -1 : divergesAt * Experiment.EVERY, 1.0);
    }

    /** The IRNN succeeds at 0.1 and not at 0.01; the tanh RNN diverges at once at 0.1, and at 0.01 its seed 2 diverges after 3 checkpoints, seed 3 at once. */
    private static Recorded record() {
        List<CellResult> runs = new ArrayList<>();
        for (int s = 1; s <= 3; s++) {
            runs.add(run(Model.IRNN, 0.01, s, 0.1, -1));
            runs.add(run(Model.IRNN, 0.1, s, 0.001, -1));
        }
        runs.add(run(Model.TANH_UNIFORM, 0.01, 1, 0.2, -1));
        runs.add(run(Model.TANH_UNIFORM, 0.01, 2, 0.2, 3));
        runs.add(run(Model.TANH_UNIFORM, 0.01, 3, 0.2, 0));
        for (int s = 1; s <= 3; s++) {
            runs.add(run(Model.TANH_UNIFORM, 0.1, s, 0.2, 0));
        }
        return Recorded.of(Map.of("experiment", "a test"), runs);
    }

    private static XYChart chart() {
        return LearningCurves.atBestRate(record(), "SGD", List.of(Model.IRNN, Model.TANH_UNIFORM), "curves");
    }

    @Test
    void eachModelIsDrawnAtItsBestRateOneCurvePerSeedThenTheThreeLevels() {
        String irnn = Model.IRNN.label(), tanh = Model.TANH_UNIFORM.label();
        assertEquals(List.of(irnn + ", η = 0.1", irnn + ", η = 0.1, seed 2", irnn + ", η = 0.1, seed 3", tanh + ", η = 0.01",
                tanh + ", η = 0.01, seed 2", "always answer 1", "one number, 1/12", "success, 0.01"), List.copyOf(chart().getSeriesMap().keySet()));
    }

    @Test
    void aDivergedRunStopsAtItsLastFiniteCheckpoint() {
        XYSeries diverged = chart().getSeriesMap().get(Model.TANH_UNIFORM.label() + ", η = 0.01, seed 2");
        assertArrayEquals(new double[] {8000, 16000, 24000}, diverged.getXData());
    }

    @Test
    void theCurvesArePlottedAsPowersOfTenOfTheTestMse() {
        XYSeries first = chart().getSeriesMap().get(Model.IRNN.label() + ", η = 0.1");
        assertEquals(CHECKPOINTS, first.getXData().length);
        for (double y : first.getYData()) {
            assertEquals(-3, y, 1e-12);                   // log10 of 0.001
        }
    }

    @Test
    void aModelsSeedsShareItsColourAndOnlySeedOneIsInTheLegend() {
        Map<String, XYSeries> series = chart().getSeriesMap();
        String irnn = Model.IRNN.label() + ", η = 0.1";
        assertEquals(series.get(irnn).getLineColor(), series.get(irnn + ", seed 3").getLineColor());
        assertFalse(series.get(irnn).getLineColor().equals(series.get(Model.TANH_UNIFORM.label() + ", η = 0.01").getLineColor()));
        assertTrue(series.get(irnn).isShowInLegend());
        assertFalse(series.get(irnn + ", seed 2").isShowInLegend());
        assertTrue(series.get("success, 0.01").isShowInLegend());
    }

    @Test
    void anOptimiserTheRecordDoesNotHaveIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LearningCurves.atBestRate(record(), "Adam", List.of(Model.IRNN), "curves"));
        assertTrue(e.getMessage().startsWith("optimizer:"), e.getMessage());
    }
}
