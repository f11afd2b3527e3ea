package io.github.rnnkit.notebook;

import io.github.rnnkit.util.Check;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A tablesaw table written a row at a time, as a lesson's result tables are read:
 *
 * <pre>{@code
 * Show.table(TableBuilder.of("After 80 000 steps", "network", "test MSE", "diverged")
 *         .row("IRNN", 0.012, false)
 *         .row("tanh RNN", 0.17, false)
 *         .build());
 * }</pre>
 *
 * Each column takes its type from its values: whole numbers (Integer, Long) make an integer
 * column, any other numbers a decimal one, booleans a boolean one, anything else text. A column
 * mixing numbers, booleans and text is refused; null is a missing cell.
 */
public final class TableBuilder {

    private final String title;
    private final List<String> columns;
    private final List<Object[]> rows = new ArrayList<>();

    private TableBuilder(String title, List<String> columns) {
        this.title = title;
        this.columns = columns;
    }

    /** A table called {@code title} with these column names (at least one, none repeated). */
    public static TableBuilder of(String title, String... columns) {
        Check.notNull("title", title, "a table title (\"\" for none)");
        if (columns == null || columns.length == 0) {
            throw new IllegalArgumentException("columns: expected at least one column name, got "
                    + (columns == null ? "null" : "none"));
        }
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] == null || Arrays.asList(columns).subList(0, i).contains(columns[i])) {
                throw new IllegalArgumentException("columns[" + i + "]: expected a name no other column has, got "
                        + (columns[i] == null ? "null" : "\"" + columns[i] + "\" again"));
            }
        }
        return new TableBuilder(title, List.of(columns));
    }

    /** Adds a row: one value per column, in order. */
    public TableBuilder row(Object... values) {
        if (values == null || values.length != columns.size()) {
            throw new IllegalArgumentException("values: expected " + columns.size() + " values " + columns + ", got "
                    + (values == null ? "null" : values.length));
        }
        rows.add(values.clone());
        return this;
    }

    /** The table so far (a new one on every call). */
    public Table build() {
        Table table = Table.create(title);
        for (int c = 0; c < columns.size(); c++) {
            table.addColumns(column(c));
        }
        return table;
    }

    private Column<?> column(int c) {
        String name = columns.get(c);
        Kind kind = kind(c);
        Column<?> col = switch (kind) {
            case INTEGER -> IntColumn.create(name);
            case LONG -> LongColumn.create(name);
            case DECIMAL -> DoubleColumn.create(name);
            case BOOLEAN -> BooleanColumn.create(name);
            case TEXT -> StringColumn.create(name);
        };
        for (Object[] row : rows) {
            Object v = row[c];
            if (v == null) {
                col.appendMissing();
            } else {
                switch (kind) {
                    case INTEGER -> ((IntColumn) col).append(((Number) v).intValue());
                    case LONG -> ((LongColumn) col).append(((Number) v).longValue());
                    case DECIMAL -> ((DoubleColumn) col).append(((Number) v).doubleValue());
                    case BOOLEAN -> ((BooleanColumn) col).append((Boolean) v);
                    case TEXT -> ((StringColumn) col).append(String.valueOf(v));
                }
            }
        }
        return col;
    }

    private enum Kind { INTEGER, LONG, DECIMAL, BOOLEAN, TEXT }

    /** The narrowest kind that holds every value of column c; numbers, booleans and text do not mix. */
    private Kind kind(int c) {
        Kind kind = null;
        int first = -1;
        for (int r = 0; r < rows.size(); r++) {
            Object v = rows.get(r)[c];
            if (v == null) {
                continue;
            }
            Kind k = v instanceof Integer || v instanceof Short || v instanceof Byte ? Kind.INTEGER
                    : v instanceof Long ? Kind.LONG
                    : v instanceof Number ? Kind.DECIMAL
                    : v instanceof Boolean ? Kind.BOOLEAN : Kind.TEXT;
            if (kind == null) {
                kind = k;
                first = r;
            } else if (numeric(kind) && numeric(k)) {
                kind = kind.ordinal() > k.ordinal() ? kind : k;
            } else if (kind != k) {
                throw new IllegalArgumentException("values of column \"" + columns.get(c) + "\": expected one kind"
                        + " (numbers, booleans or text), got " + describe(rows.get(first)[c]) + " in row " + first
                        + " and " + describe(v) + " in row " + r);
            }
        }
        return kind == null ? Kind.TEXT : kind;
    }

    private static boolean numeric(Kind k) {
        return k == Kind.INTEGER || k == Kind.LONG || k == Kind.DECIMAL;
    }

    private static String describe(Object v) {
        return "a " + v.getClass().getSimpleName() + " (" + v + ")";
    }
}
