package id.capaian.report.export;

import java.util.Arrays;
import java.util.List;

/**
 * A printable table as data: title, the month it is as of, its status, and rows of cells for the head, body and
 * foot. Built by each report (the capaian table, the RFK), rendered by {@link Pages} through the Qute template
 * templates/export/table.html, which escapes every text.
 */
public record TablePage(String title, String asOf, String status, boolean draft, List<Row> head, List<Row> body,
        List<Row> foot) {

    /** A table row; {@code cls} is its CSS class (program, sub, total) or null. */
    public record Row(String cls, List<Cell> cells) {
    }

    /** A cell: its text as lines (shown separated by line breaks), CSS class or null, and its spans. */
    public record Cell(List<String> lines, String cls, int rowspan, int colspan) {

        public static Cell of(String text, String cls, int rowspan, int colspan) {
            return new Cell(text == null ? List.of() : Arrays.asList(text.split("\n", -1)), cls, rowspan, colspan);
        }

        public static Cell of(String text, String cls) {
            return of(text, cls, 1, 1);
        }
    }
}
