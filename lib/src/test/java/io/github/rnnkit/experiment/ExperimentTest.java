package io.github.rnnkit.experiment;

import io.github.rnnkit.data.AddingProblem;
import io.github.rnnkit.gated.Lstm;
import io.github.rnnkit.core.Example;
import io.github.rnnkit.core.Params;
import io.github.rnnkit.rnn.Rnn;
import io.github.rnnkit.clip.ClipPolicy;
import io.github.rnnkit.train.Optimizer;
import io.github.rnnkit.train.Trainer;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExperimentTest {

    @Test
    void everyGridListsEachModelOptimiserRateAndSeedOnce() {
        Map<String, Integer> sizes = Map.of("adding-vanilla", 5 * 8 * 5, "adding-gated", 6 * 8 * 5, "adding-batch32", 3 * 4 * 5,
                "adding-width40", 3 * 4 * 5);
        for (Experiment e : Experiment.all()) {
            List<Cell> cells = e.cells();
            assertEquals(sizes.get(e.name()), cells.size(), e.name());
            assertEquals(cells.size(), new HashSet<>(cells).size(), e.name() + " lists a cell twice");
            Map<String, Set<Integer>> seeds = cells.stream().collect(Collectors.groupingBy(
                    c -> c.model() + " " + c.optimizer() + " " + c.learningRate(), Collectors.mapping(Cell::seed, Collectors.toSet())));
            seeds.forEach((setting, s) -> assertEquals(Set.of(1, 2, 3, 4, 5), s, setting));
        }
    }

    @Test
    void everyModelOfAGridMeetsTheSameRatesOfEachOptimiser() {
        for (Experiment e : Experiment.all()) {
            Map<Model, Set<String>> settings = e.cells().stream().collect(Collectors.groupingBy(Cell::model,
                    Collectors.mapping(c -> c.optimizer() + " " + c.learningRate() + " B" + c.batch(), Collectors.toSet())));
            Set<String> first = settings.values().iterator().next();
            settings.forEach((m, s) -> assertEquals(first, s, e.name() + ": " + m));
        }
    }

    @Test
    void aCellTrainsANetworkOfItsOwnWidthAndARecordReadsTheWidthFromItsHeader() throws java.io.IOException {
        Experiment wide = Experiment.named("adding-width40");
        assertEquals(40, wide.hidden());
        assertTrue(wide.cells().stream().allMatch(c -> c.hidden() == 40));
        assertEquals("40", wide.parameters().get("H"));
        Cell cell = wide.cells().get(0);
        java.io.StringWriter text = new java.io.StringWriter();
        Recorded.of(wide.parameters(), List.of(new CellResult(cell, new double[12], -1, 0))).write(text);
        assertEquals(cell, Recorded.parse(text.toString()).results().get(0).cell());
        assertTrue(cell.id().endsWith(" H40"), cell.id());
    }

    @Test
    void theSameCellGivesTheSameNumbersTwiceAndARunStartsLikeItsLongerSelf() {
        Cell cell = new Cell(Model.TANH_UNIFORM, "Adam", 1e-3, 1, 2);
        CellResult one = cell.run(Experiment.EVERY);
        CellResult again = cell.run(Experiment.EVERY);
        CellResult longer = cell.run(2 * Experiment.EVERY);
        assertTrue(one.sameNumbers(again));
        assertTrue(longer.startsLike(one));
        assertFalse(longer.sameNumbers(one));
        assertEquals(one.mse()[0], longer.mse()[0]);
    }

    /** The cell's first checkpoint, recomputed with the trainer and a forward pass written out here. */
    @Test
    void aCellsTestMseIsTheSquaredErrorOfItsTrainedNetworkOnTheTestSet() {
        Cell cell = new Cell(Model.RELU_UNIFORM, "SGD", 0.03, 8, 4);
        Rnn start = (Rnn) Model.RELU_UNIFORM.network(Experiment.HIDDEN, Experiment.STEPS, 4);
        Rnn trained = Trainer.of(Optimizer.sgd(0.03)).batch(8).clip(ClipPolicy.globalNorm(1))
                .train(start, Experiment.EVERY / 8, i -> AddingProblem.examples(1, 30, 1_000_003L * 4 + i).get(0)).network();
        List<Example> test = AddingProblem.examples(500, 30, 2);
        double sum = 0;
        for (Example e : test) {
            double[][] xs = e.xs();
            double out = trained.forward(xs, null).o(30)[0];
            double target = 0;
            for (double[] x : xs) {
                target += x[0] * x[1];
            }
            sum += (out - target) * (out - target);
        }
        assertEquals(sum / test.size(), cell.run(Experiment.EVERY).mse()[0], 1e-12);
    }

    @Test
    void chronoDrawsEachForgetBiasAsTheLogOfAUniformLagAndSetsTheInputBiasToItsNegative() {
        int steps = 30;
        Params plain = Lstm.init(64, 2, 1, 0.0, 7);
        Params chrono = Model.chrono(plain, steps, 7);
        double[] bf = chrono.get("bf")[0], bi = chrono.get("bi")[0];
        double low = Double.POSITIVE_INFINITY, high = 0;
        for (int u = 0; u < 64; u++) {
            assertTrue(bf[u] >= 0 && bf[u] <= Math.log(steps - 1), "b_f[" + u + "] = " + bf[u]);
            assertEquals(-bf[u], bi[u]);
            low = Math.min(low, Math.exp(bf[u]));
            high = Math.max(high, Math.exp(bf[u]));
        }
        assertTrue(low < 3 && high > steps - 4, "64 lags should spread over (1, T − 1): " + low + " … " + high);
        for (String name : plain.names()) {
            if (!name.equals("bf") && !name.equals("bi")) {
                assertArrayEquals(plain.get(name)[0], chrono.get(name)[0], name);
            }
        }
    }

    @Test
    void everyModelIsFoundByItsRecordedName() {
        for (Model m : Model.values()) {
            assertEquals(m, Model.of(m.id()));
            assertEquals(Experiment.HIDDEN, ((io.github.rnnkit.core.Trainable<?>) m.network(Experiment.HIDDEN, 30, 1)) instanceof Rnn r
                    ? r.params().hiddenSize() : ((io.github.rnnkit.gated.GatedNetwork<?>) m.network(Experiment.HIDDEN, 30, 1)).hiddenSize());
        }
    }
}
