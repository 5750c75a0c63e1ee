package id.capaian.report.imports;

import id.capaian.core.problem.Problem.FieldError;
import id.capaian.core.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

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
        return read(body, mediaType, Limits.DEFAULT);
    }

    /**
     * @throws ProblemException 413 {@code /problems/batas-impor} naming the cap's configuration key when the file
     *     exceeds one of {@code limits}; reading stops there
     */
    public static Tabel read(byte[] body, String mediaType, Limits limits) {
        String type = mediaType == null ? TSV : mediaType.split(";")[0].strip().toLowerCase();
        if (type.equals(XLSX)) {
            return xlsx(body, limits);
        }
        String text = decode(body, charset(mediaType));
        char delimiter = type.equals(CSV) ? csvDelimiter(text) : '\t';
        return delimited(text, delimiter, limits);
    }

    /**
     * The caps of one reading (capaian.import.*, see {@link ImportLimits}).
     *
     * @param maxRows lines of a text file (blank ones too), or the highest row number of a sheet
     * @param maxColumns cells of a row (a sheet's non-blank cell in a later column stops the reading)
     * @param maxCells non-blank cells of the whole table
     * @param maxInflatedBytes the most bytes one XLSX part may inflate to
     * @param minInflateRatio the lowest compressed/inflated ratio of an XLSX part
     */
    public record Limits(int maxRows, int maxColumns, int maxCells, long maxInflatedBytes, double minInflateRatio) {

        public static final Limits DEFAULT = new Limits(5000, 64, 100_000, 32L * 1024 * 1024, 0.01);
        /** Rows already counted by the sheet reader. */
        static final Limits UNCOUNTED = new Limits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, 0, 0);
    }

    /** A cap was reached: 413 naming its configuration key. */
    static ProblemException tooLarge(String key, String message) {
        String detail = message + " (batas " + key + "). Tidak ada data yang ditulis; pecah berkasnya atau hapus sel di luar tabel.";
        return new ProblemException(413, "batas-impor", "Berkas melebihi batas impor", detail,
                List.of(new FieldError(key, message)));
    }

    private static ProblemException tooManyRows(Limits limits, int row) {
        return tooLarge("capaian.import.max-rows", "baris " + row + " melampaui batas " + limits.maxRows() + " baris");
    }

    private static ProblemException tooManyColumns(Limits limits, int row, int columns) {
        return tooLarge("capaian.import.max-columns", "baris " + row + " memakai " + columns + " kolom; paling banyak "
                + limits.maxColumns());
    }

    private static ProblemException tooManyCells(Limits limits) {
        return tooLarge("capaian.import.max-cells", "lebih dari " + limits.maxCells() + " sel berisi");
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
        return delimited(text, delimiter, Limits.DEFAULT);
    }

    static Tabel delimited(String text, char delimiter, Limits limits) {
        int[] cellCount = new int[1];
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
                        if (line > limits.maxRows()) {
                            throw tooManyRows(limits, line);
                        }
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
                if (cells.size() >= limits.maxColumns()) {
                    throw tooManyColumns(limits, rowStart, cells.size() + 1);
                }
                atFieldStart = true;
                i++;
            } else if (c == '\r' || c == '\n') {
                cells.add(cell.toString());
                cell.setLength(0);
                add(rows, rowStart, cells, cellCount, limits);
                cells = new ArrayList<>();
                i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
                line++;
                if (line > limits.maxRows() && i < n) {
                    throw tooManyRows(limits, line);
                }
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
            add(rows, rowStart, cells, cellCount, limits);
        }
        return new Tabel(rows, problems);
    }

    private static void add(List<Tabel.Row> rows, int nomor, List<String> cells, int[] cellCount, Limits limits) {
        Tabel.Row row = new Tabel.Row(nomor, cells);
        if (!row.isBlank()) {
            cellCount[0] += (int) cells.stream().filter(c -> !c.isBlank()).count();
            if (cellCount[0] > limits.maxCells()) {
                throw tooManyCells(limits);
            }
            rows.add(row);
        }
    }

    // ---- XLSX ----

    /**
     * Streams the first sheet (SAX: Apache POI's XSSFReader and XSSFSheetXMLHandler), never building the workbook:
     * only the cells present are visited, each row is kept up to its last non-blank cell, and the reading stops at
     * the first cap exceeded. Every part is inflated under ZipSecureFile's caps (entry size, inflate ratio).
     */
    private static Tabel xlsx(byte[] body, Limits limits) {
        ZipSecureFile.setMaxEntrySize(limits.maxInflatedBytes());
        ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
        Path file = null;
        try {
            file = Files.createTempFile("impor", ".xlsx");
            Files.write(file, body);
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
                StylesTable styles = reader.getStylesTable();
                Iterator<InputStream> sheets = reader.getSheetsData();
                if (!sheets.hasNext()) {
                    return new Tabel(List.of(), List.of());
                }
                Rows rows = new Rows(limits);
                try (InputStream sheet = sheets.next()) {
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, new IndonesianNumbers(), false));
                    parser.parse(new InputSource(sheet));
                }
                return new Tabel(rows.rows, List.of());
            }
        } catch (ProblemException e) {
            throw e;
        } catch (SAXException e) {
            if (e.getException() instanceof ProblemException p) {
                throw p;
            }
            throw unreadable(e, limits);
        } catch (IOException | OpenXML4JException | javax.xml.parsers.ParserConfigurationException | RuntimeException e) {
            throw unreadable(e, limits);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed by the system
                }
            }
        }
    }

    /** A zip bomb or an oversized part is a cap (413), anything else a 400. */
    private static ProblemException unreadable(Exception e, Limits limits) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException p) {
                return p;
            }
            String m = t.getMessage() == null ? "" : t.getMessage();
            if (m.contains("Zip bomb") || m.contains("max size of the expanded") || m.contains("exceeds the maximum")
                    || m.contains("ZipSecureFile")) {
                return m.contains("ratio")
                        ? tooLarge("capaian.import.min-inflate-ratio", "sebuah bagian berkas XLSX mengembang lebih dari "
                                + "1/" + limits.minInflateRatio() + " kali ukurannya (bom zip)")
                        : tooLarge("capaian.import.max-inflated-bytes", "sebuah bagian berkas XLSX lebih dari "
                                + limits.maxInflatedBytes() + " byte setelah diekstrak");
            }
        }
        return ProblemException.badRequest("body", "isi bukan berkas XLSX yang dapat dibaca: " + e.getMessage());
    }

    /** Collects the sheet's rows, each up to its last non-blank cell, under the caps. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final Limits limits;
        final List<Tabel.Row> rows = new ArrayList<>();
        private List<String> cells = new ArrayList<>();
        private int cellCount;
        private int nextColumn;

        Rows(Limits limits) {
            this.limits = limits;
        }

        @Override
        public void startRow(int rowNum) {
            if (rowNum + 1 > limits.maxRows()) {
                throw tooManyRows(limits, rowNum + 1);
            }
            cells = new ArrayList<>();
            nextColumn = 0;
        }

        @Override
        public void endRow(int rowNum) {
            add(rows, rowNum + 1, cells, new int[] {0}, Limits.UNCOUNTED);
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? nextColumn : new CellReference(reference).getCol();
            nextColumn = column + 1;
            if (value == null || value.isBlank()) {
                return;
            }
            if (column >= limits.maxColumns()) {
                throw tooManyColumns(limits, rowOf(reference), column + 1);
            }
            if (++cellCount > limits.maxCells()) {
                throw tooManyCells(limits);
            }
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value);
        }

        private static int rowOf(String reference) {
            return reference == null ? 0 : new CellReference(reference).getRow() + 1;
        }
    }

    /** Numbers as Indonesian text, as Excel shows them (27.54 → 27,54); dates as their format shows them. */
    private static final class IndonesianNumbers extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (formatString != null && DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return super.formatRawCellContents(value, formatIndex, formatString, use1904);
            }
            return angka(value);
        }
    }

    /** A spreadsheet number as Indonesian text, as Excel shows it (15 significant digits): 27.54 → {@code 27,54}. */
    static String angka(double value) {
        return new BigDecimal(NumberToTextConverter.toText(value)).toPlainString().replace('.', ',');
    }
}
