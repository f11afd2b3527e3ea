package io.github.rnnkit.notebook;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableBuilderTest {

    @Test
    void eachColumnTakesItsTypeFromItsValues() {
        Table t = TableBuilder.of("Runs", "network", "steps", "test MSE", "diverged", "seed")
                .row("IRNN", 80_000, 0.0125, false, 3L)
                .row("tanh", 80_000, 0.17, true, 4L)
                .build();
        assertEquals("Runs", t.name());
        assertEquals(2, t.rowCount());
        assertEquals(ColumnType.STRING, t.column("network").type());
        assertEquals(ColumnType.INTEGER, t.column("steps").type());
        assertEquals(ColumnType.DOUBLE, t.column("test MSE").type());
        assertEquals(ColumnType.BOOLEAN, t.column("diverged").type());
        assertEquals(ColumnType.LONG, t.column("seed").type());
        assertEquals(0.17, t.doubleColumn("test MSE").get(1));
        assertEquals("tanh", t.stringColumn("network").get(1));
    }

    @Test
    void wholeAndDecimalNumbersInOneColumnMakeADecimalColumnAndNullIsMissing() {
        Table t = TableBuilder.of("", "x").row(1).row(2.5).row((Object) null).build();
        assertEquals(ColumnType.DOUBLE, t.column("x").type());
        assertEquals(1.0, t.doubleColumn("x").get(0));
        assertTrue(t.column("x").isMissing(2));
    }

    @Test
    void theTableShowsAsHtmlWithItsCaptionAndNumbersToSixDigits() {
        String html = Show.tableHtml(TableBuilder.of("Slopes <σ>", "activation", "γ").row("tanh", 1.0 / 3).build());
        assertTrue(html.contains("<caption>Slopes &lt;σ&gt;</caption>"), html);
        assertTrue(html.contains(">0.333333<"), html);
    }
}
