package io.github.rnnkit.notebook;

import io.github.rnnkit.util.Format;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A tablesaw {@link Table} as an HTML {@code <table>}: a caption with the table's name, a header
 * row, numbers right-aligned and shown to six significant digits, and every cell's text escaped,
 * so a value such as {@code <b>} shows as written and never as markup.
 */
final class HtmlTable {

    private HtmlTable() {
    }

    static String of(Table table, int maxRows) {
        int rows = Math.min(table.rowCount(), maxRows);
        StringBuilder html = new StringBuilder("<table class=\"rnnkit-table\">\n");
        if (table.name() != null && !table.name().isEmpty()) {
            html.append("<caption>").append(escape(table.name())).append("</caption>\n");
        }
        html.append("<thead><tr>");
        for (Column<?> col : table.columns()) {
            html.append("<th>").append(escape(col.name())).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < rows; r++) {
            html.append("<tr>");
            for (Column<?> col : table.columns()) {
                html.append(col instanceof NumericColumn ? "<td style=\"text-align:right\">" : "<td>")
                        .append(escape(cell(col, r))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>");
        if (rows < table.rowCount()) {
            html.append("\n<p><em>").append(rows).append(" of ").append(table.rowCount())
                    .append(" rows shown</em></p>");
        }
        return html.toString();
    }

    private static String cell(Column<?> col, int row) {
        if (col.isMissing(row)) {
            return "";
        }
        Object value = col.get(row);
        return value instanceof Double || value instanceof Float
                ? Format.number(((Number) value).doubleValue())
                : col.getString(row);
    }

    /** Escapes the five characters that carry meaning in HTML text and attributes. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
