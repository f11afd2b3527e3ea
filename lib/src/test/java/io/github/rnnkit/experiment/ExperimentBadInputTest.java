package io.github.rnnkit.experiment;

import io.github.rnnkit.gated.Lstm;
import io.github.rnnkit.testing.BadInput;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

class ExperimentBadInputTest {

    @TestFactory
    Stream<DynamicTest> experimentsRejectBadInput() {
        Cell cell = new Cell(Model.IRNN, "SGD", 0.01, 1, 1);
        return BadInput.table()
                .row("Cell", "an optimiser the grids do not use", "optimizer", () -> new Cell(Model.IRNN, "RMSProp", 0.01, 1, 1), "SGD or Adam", "RMSProp")
                .row("Cell", "a batch that does not divide the checkpoint interval", "batch", () -> new Cell(Model.IRNN, "SGD", 0.01, 3, 1), "8000", "3")
                .row("Cell", "a learning rate of 0", "learningRate", () -> new Cell(Model.IRNN, "Adam", 0, 1, 1), "> 0")
                .row("Cell", "a null model", "model", () -> new Cell(null, "Adam", 0.1, 1, 1), "Model")
                .row("Cell.run", "a budget between checkpoints", "sequences", () -> cell.run(5000), "multiple of 8000", "5000")
                .row("Cell.run", "a budget above the grid's", "sequences", () -> cell.run(104_000), "96000", "104000")
                .row("Model.of", "an unknown name", "id", () -> Model.of("lstm-bf9"), "lstm-bf9")
                .row("Model.chrono", "a lag of 2", "maxLag", () -> Model.chrono(Lstm.init(2, 2, 1, 0, 1), 2, 1), ">= 3", "2")
                .row("Experiment.named", "an unknown experiment", "name", () -> Experiment.named("adding"), "adding-vanilla", "adding")
                .row("Recorded.parse", "a header line without ' = '", "csv", () -> Recorded.parse("# no equals sign\n"), "key = value")
                .row("Recorded.parse", "text without column names", "csv", () -> Recorded.parse("# a = b\n"), "column names")
                .row("Recorded.parse", "a row with a field missing", "csv", () -> Recorded.parse("a,b,c,d,e,f,g,h\nirnn,SGD,0.01,1,1,0.1,\n"), "8 fields", "7")
                .row("Recorded.select", "a rate the record does not have", "learningRate",
                        () -> RecordedTest.sample().select(Model.TANH_UNIFORM, "Adam", 0.5), "0.001", "0.5")
                .tests();
    }
}
