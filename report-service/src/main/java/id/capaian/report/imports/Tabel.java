package id.capaian.report.imports;

import id.capaian.core.problem.Problem.FieldError;
import java.util.List;

/**
 * A table as read from an uploaded file, before any meaning is given to it: its non-blank rows, each
 * with its number as the file shows it (the first line or spreadsheet row is 1), and the faults met
 * while reading (an unclosed quote).
 *
 * @param rows the non-blank rows in file order; the first is the header
 * @param problems faults of the file's syntax, reported with the others
 */
public record Tabel(List<Row> rows, List<FieldError> problems) {

    public Tabel {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    /** One row: its number in the file and its cells, as text, left to right. */
    public record Row(int nomor, List<String> cells) {

        public Row {
            cells = List.copyOf(cells);
        }

        public String cell(int index) {
            return index >= 0 && index < cells.size() ? cells.get(index) : "";
        }

        boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }
}
