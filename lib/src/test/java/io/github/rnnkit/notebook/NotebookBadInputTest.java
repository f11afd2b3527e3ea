package io.github.rnnkit.notebook;

import io.github.rnnkit.testing.BadInput;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

class NotebookBadInputTest {

    @TestFactory
    Stream<DynamicTest> everyPublicMethodRejectsBadInput() {
        return BadInput.table()
                .row("Show.chart", "null", "chart",
                        () -> Show.chart(null), "XChart", "null")
                .row("Show.table", "null", "table",
                        () -> Show.table(null), "tablesaw Table", "null")
                .row("Show.tableHtml", "null", "table",
                        () -> Show.tableHtml(null), "tablesaw Table", "null")
                .row("Show.progress", "zero steps", "total",
                        () -> Show.progress("training", 0), ">= 1", "0")
                .row("Show.progress", "a negative number of steps", "total",
                        () -> Show.progress("training", -5), ">= 1", "-5")
                .row("Progress.update", "a negative count", "stepsDone",
                        () -> Show.progress("training", 3).update(-1), "[0, 3]", "-1")
                .row("Progress.update", "more steps than the total", "stepsDone",
                        () -> Show.progress("training", 3).update(4), "[0, 3]", "4")
                .row("TableBuilder.of", "a null title", "title", () -> TableBuilder.of(null, "x"), "title", "null")
                .row("TableBuilder.of", "no columns", "columns", () -> TableBuilder.of("t"), "at least one", "none")
                .row("TableBuilder.of", "a repeated column name", "columns[2]", () -> TableBuilder.of("t", "a", "b", "a"), "no other column", "\"a\" again")
                .row("TableBuilder.row", "one value too few", "values", () -> TableBuilder.of("t", "a", "b").row(1), "2 values [a, b]", "got 1")
                .row("TableBuilder.build", "text and numbers in one column", "values of column \"loss\"",
                        () -> TableBuilder.of("t", "loss").row(0.5).row("NaN").build(), "one kind", "a Double (0.5) in row 0", "a String (NaN) in row 1")
                .tests();
    }
}
