package id.capaian.report.imports;

import id.capaian.core.domain.Angka;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The seed's table (deploy/local/demo; docs/fixtures describes it) and the same table in other formats. */
final class Fixture {

    static final String NAME = "capaian-2024-63.10-p3ap2kb-2.08.tsv";
    static final Set<Integer> NUMERIC_COLUMNS = Set.of(5, 6, 7, 8);

    private Fixture() {
    }

    static Path root() {
        String r = System.getProperty("capaian.root");
        return r != null ? Path.of(r) : Path.of("").toAbsolutePath().getParent();
    }

    static String tsv() {
        Path copy = root().resolve("deploy/local/demo/" + NAME);
        try {
            return Files.readString(copy, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String[]> cells(String tsv) {
        List<String[]> rows = new ArrayList<>();
        for (String line : tsv.split("\n")) {
            if (!line.isBlank()) {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }

    /** RFC 4180: a field holding the delimiter, a quote or a line break is quoted; CRLF line ends. */
    static String csv(String tsv, char delimiter) {
        StringBuilder out = new StringBuilder();
        for (String[] row : cells(tsv)) {
            for (int i = 0; i < row.length; i++) {
                String f = row[i];
                if (i > 0) {
                    out.append(delimiter);
                }
                if (f.indexOf(delimiter) >= 0 || f.contains("\"") || f.contains("\n")) {
                    out.append('"').append(f.replace("\"", "\"\"")).append('"');
                } else {
                    out.append(f);
                }
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    /** An XLSX workbook as a spreadsheet user makes it: text as text, numbers as numeric cells. */
    static byte[] xlsx(String tsv) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Tabel III.11");
            int r = 0;
            for (String[] row : cells(tsv)) {
                Row xr = sheet.createRow(r);
                for (int c = 0; c < row.length; c++) {
                    if (r > 0 && NUMERIC_COLUMNS.contains(c) && !row[c].isBlank()) {
                        xr.createCell(c).setCellValue(Angka.parse(row[c]).doubleValue());
                    } else {
                        xr.createCell(c).setCellValue(row[c]);
                    }
                }
                r++;
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
