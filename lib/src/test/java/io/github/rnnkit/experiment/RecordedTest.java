package io.github.rnnkit.experiment;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordedTest {

    static CellResult result(Model m, String opt, double rate, int seed, double last, int diverged) {
        double[] mse = new double[Experiment.SEQUENCES / Experiment.EVERY];
        for (int k = 0; k < mse.length; k++) {
            mse[k] = 0.1 + 0.2 + k;          // 0.30000000000000004: a double whose text must round-trip
        }
        mse[mse.length - 1] = last;
        return new CellResult(new Cell(m, opt, rate, 1, seed), mse, diverged, 1.25);
    }

    static Recorded sample() {
        List<CellResult> runs = new ArrayList<>();
        double[] finals = {0.004, 0.02, 0.009};
        for (int s = 1; s <= 3; s++) {
            runs.add(result(Model.TANH_UNIFORM, "Adam", 1e-3, s, finals[s - 1], -1));
            runs.add(result(Model.TANH_UNIFORM, "Adam", 3e-4, s, 0.005 + s, -1));
            runs.add(result(Model.TANH_UNIFORM, "SGD", 0.3, s, s == 2 ? Double.NaN : 1e-300, s == 2 ? 1234 : -1));
        }
        Map<String, String> header = new LinkedHashMap<>();
        header.put("experiment", "a test");
        header.put("git_commit", "abc");
        return Recorded.of(header, runs);
    }

    @Test
    void aRecordWrittenAndReadBackHoldsTheSameNumbersBitForBit() throws IOException {
        Recorded r = sample();
        StringWriter text = new StringWriter();
        r.write(text);
        Recorded back = Recorded.parse(text.toString());
        assertEquals(r.header(), back.header());
        assertEquals(r.results().size(), back.results().size());
        for (int i = 0; i < r.results().size(); i++) {
            assertTrue(r.results().get(i).sameNumbers(back.results().get(i)), r.results().get(i).cell().id());
        }
        assertTrue(text.toString().startsWith("# experiment = a test\n# git_commit = abc\nmodel,optimizer,"));
    }

    @Test
    void aRecordListsSgdBeforeAdamAndRatesUpward() {
        List<String> order = sample().results().stream().map(c -> c.cell().optimizer() + " " + c.cell().learningRate() + " " + c.cell().seed()).toList();
        assertEquals(List.of("SGD 0.3 1", "SGD 0.3 2", "SGD 0.3 3", "Adam 3.0E-4 1", "Adam 3.0E-4 2", "Adam 3.0E-4 3",
                "Adam 0.001 1", "Adam 0.001 2", "Adam 0.001 3"), order);
    }

    @Test
    void theSummaryCountsSuccessesBelowOneHundredthAndGivesTheMedianAndRange() {
        Recorded r = sample();
        List<CellResult> adam = r.select(Model.TANH_UNIFORM, "Adam", 1e-3);
        assertEquals("2/3", Summary.successes(adam));
        assertEquals("0.00900 (0.00400–0.0200)", Summary.medianAndRange(adam));
        List<CellResult> sgd = r.select(Model.TANH_UNIFORM, "SGD", 0.3);
        assertEquals("2/3", Summary.successes(sgd));
        assertTrue(Summary.medianAndRange(sgd).endsWith(", 1 diverged"), Summary.medianAndRange(sgd));
        assertEquals(1e-3, Summary.bestRate(r, Model.TANH_UNIFORM, "Adam"));
        assertEquals(List.of(3e-4, 1e-3), r.learningRates("Adam"));
        assertEquals(8_000 * 12, (int) r.checkpoints()[11]);
        assertEquals("3/3", Summary.below(adam, Summary.ONE_NUMBER));
        assertEquals(List.of("0.0003", "0.001", "0.3", "3"), List.of(Summary.rate(3e-4), Summary.rate(1e-3), Summary.rate(0.3), Summary.rate(3.0)));
        assertEquals("0/3", Summary.below(r.select(Model.TANH_UNIFORM, "Adam", 3e-4), Summary.ONE_NUMBER));
        assertEquals("2/3 · 3/3 · 0.00900 (0.00400–0.0200)",
                Summary.byRate(r, "Adam", List.of(Model.TANH_UNIFORM), "t").column("Adam, η = 0.001").getString(0));
    }

    @Test
    void theFirstCheckpointBelowAThresholdCountsTheSequencesSeen() {
        double[] mse = new double[12];
        java.util.Arrays.fill(mse, 0.5);
        mse[4] = 0.001;
        CellResult r = new CellResult(new Cell(Model.IRNN, "SGD", 0.01, 1, 1), mse, -1, 0);
        assertEquals(5 * Experiment.EVERY, r.firstBelow(0.01));
        assertEquals(-1, r.firstBelow(1e-4));
        assertEquals(5 * 8000.0, Summary.medianSequencesBelow(List.of(r), 0.01));
    }

    @Test
    void theSeedChartHasADotPerSeedAtEachOptimisersBestRateAndNoneForADivergedRun() {
        var chart = Summary.finalMseBySeed(sample(), List.of(Model.TANH_UNIFORM), "t");
        var series = chart.getSeriesMap();
        assertEquals(2 * 3 + 1, series.size());
        assertEquals(0.004, series.get("Adam at its best η").getYData().iterator().next().doubleValue());
        assertEquals(0.02, series.get("Adam at its best η, seed 2").getYData().iterator().next().doubleValue());
        assertEquals(1e-300, series.get("SGD at its best η").getYData().iterator().next().doubleValue());
        assertEquals(null, series.get("SGD at its best η, seed 2").getYData().iterator().next());
        assertEquals(0.01, series.get("success: 0.01").getYData().iterator().next().doubleValue());
    }

    @Test
    void theSeedChartOfOneOptimiserHasADotPerSeedAndRate() {
        var series = Summary.finalMseBySeed(sample(), List.of(Model.TANH_UNIFORM), "Adam", "t").getSeriesMap();
        assertEquals(2 * 3 + 1, series.size());
        assertEquals(1.005, series.get("Adam, η = 0.0003").getYData().iterator().next().doubleValue());
        assertEquals(0.009, series.get("Adam, η = 0.001, seed 3").getYData().iterator().next().doubleValue());
    }
}
