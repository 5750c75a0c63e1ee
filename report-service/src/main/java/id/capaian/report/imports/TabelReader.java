package id.capaian.report.imports;

import id.capaian.core.problem.Problem.FieldError;
import id.capaian.core.problem.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.formula.eval.ErrorEval;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an uploaded table: tab-separated values, CSV (comma or semicolon, RFC 4180 quotes) or the first
 * sheet of an XLSX workbook. Gives text cells only; what they mean is {@link ImportValidator}'s business.
 * Text is UTF-8 (a BOM is skipped) unless the media type names a charset; a body that is not UTF-8 is
 * read as windows-1252, as spreadsheet programs on Windows save CSV. Numeric spreadsheet cells become
 * Indonesian text ({@code 27,54}, {@code 1538412800}), so every format reaches the same parser.
 */
public final class TabelReader {

    public static final String TSV = "text/tab-separated-values";
    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private TabelReader() {
    }

    /**
     * @param mediaType the request's content type, parameters allowed ({@code text/csv; charset=windows-1252})
     * @throws ProblemException 400 when the body cannot be read as that type at all (not a workbook)
     */
    public static Tabel read(byte[] body, String mediaType) {
        String type = mediaType == null ? TSV : mediaType.split(";")[0].strip().toLowerCase();
        if (type.equals(XLSX)) {
            return xlsx(body);
        }
        String text = decode(body, charset(mediaType));
        char delimiter = type.equals(CSV) ? csvDelimiter(text) : '\t';
        return delimited(text, delimiter);
    }

    // ---- text ----

    private static Charset charset(String mediaType) {
        if (mediaType == null) {
            return null;
        }
        for (String p : mediaType.split(";")) {
            String[] kv = p.strip().split("=", 2);
            if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("charset")) {
                try {
                    return Charset.forName(kv[1].strip().replace("\"", ""));
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    throw ProblemException.badRequest("Content-Type", "charset tidak dikenal: " + kv[1].strip());
                }
            }
        }
        return null;
    }

    static String decode(byte[] body, Charset declared) {
        String text;
        if (declared != null) {
            text = new String(body, declared);
        } else {
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            } catch (CharacterCodingException notUtf8) {
                text = new String(body, Charset.forName("windows-1252"));
            }
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Semicolon when the first line has at least as many semicolons as commas outside quotes, else comma. */
    static char csvDelimiter(String text) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (commas + semicolons > 0) {
                    break;
                }
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > 0 && semicolons >= commas ? ';' : ',';
    }

    /**
     * Splits delimited text into rows. A field that begins with a double quote runs to the matching quote
     * ({@code ""} inside is one quote) and may hold delimiters and line breaks (RFC 4180); elsewhere a quote
     * is an ordinary character. Rows are numbered by the line on which they start.
     */
    static Tabel delimited(String text, char delimiter) {
        List<Tabel.Row> rows = new ArrayList<>();
        List<FieldError> problems = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int rowStart = 1;
        int i = 0;
        int n = text.length();
        boolean atFieldStart = true;
        while (i < n) {
            char c = text.charAt(i);
            if (atFieldStart && c == '"') {
                int quoteLine = line;
                i++;
                boolean closed = false;
                while (i < n) {
                    char q = text.charAt(i);
                    if (q == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            cell.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        closed = true;
                        break;
                    }
                    if (q == '\n') {
                        line++;
                    }
                    cell.append(q);
                    i++;
                }
                if (!closed) {
                    problems.add(new FieldError("baris " + quoteLine,
                            "tanda kutip yang dibuka di baris ini tidak pernah ditutup"));
                }
                atFieldStart = false;
                continue;
            }
            if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
                atFieldStart = true;
                i++;
            } else if (c == '\r' || c == '\n') {
                cells.add(cell.toString());
                cell.setLength(0);
                add(rows, rowStart, cells);
                cells = new ArrayList<>();
                i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
                line++;
                rowStart = line;
                atFieldStart = true;
            } else {
                cell.append(c);
                atFieldStart = false;
                i++;
            }
        }
        if (!cells.isEmpty() || cell.length() > 0) {
            cells.add(cell.toString());
            add(rows, rowStart, cells);
        }
        return new Tabel(rows, problems);
    }

    private static void add(List<Tabel.Row> rows, int nomor, List<String> cells) {
        Tabel.Row row = new Tabel.Row(nomor, cells);
        if (!row.isBlank()) {
            rows.add(row);
        }
    }

    // ---- XLSX ----

    private static Tabel xlsx(byte[] body) {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            if (wb.getNumberOfSheets() == 0) {
                return new Tabel(List.of(), List.of());
            }
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            List<Tabel.Row> rows = new ArrayList<>();
            for (org.apache.poi.ss.usermodel.Row r : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(r.getLastCellNum(), 0); c++) {
                    cells.add(text(r.getCell(c), formatter));
                }
                add(rows, r.getRowNum() + 1, cells);
            }
            return new Tabel(rows, List.of());
        } catch (IOException | RuntimeException e) {
            throw ProblemException.badRequest("body", "isi bukan berkas XLSX yang dapat dibaca: " + e.getMessage());
        }
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? formatter.formatCellValue(cell) : angka(cell.getNumericCellValue());
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case ERROR -> ErrorEval.getText(cell.getErrorCellValue());
            default -> "";
        };
    }

    /** A spreadsheet number as Indonesian text, as Excel shows it (15 significant digits): 27.54 → {@code 27,54}. */
    static String angka(double value) {
        return new BigDecimal(NumberToTextConverter.toText(value)).toPlainString().replace('.', ',');
    }
}
