package id.capaian.report.evaluasi;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import id.capaian.core.domain.Level;
import id.capaian.core.domain.Polaritas;
import id.capaian.core.domain.Predikat;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Formulir E.81 of one OPD, year and quarter: the rows (program, kegiatan, sub kegiatan in code order), each
 * with its anggaran (Rp half of columns 5–15) and its indicators (K half), the footer and the sign-off.
 * Column numbers are those of shared/EVALUASI-RENJA.md.
 */
@Schema(name = "EvaluasiRenja", description = "Formulir E.81: evaluation of the Renja results of one OPD, one year, one triwulan")
public record EvaluasiForm(
        @Schema(example = "63.10") String pemda,
        @Schema(example = "2024") int tahun,
        @Schema(example = "P3AP2KB") String opd,
        @Schema(description = "The triwulan evaluated (1..4)", example = "2") int triwulan,
        Status status,
        List<Row> rows,
        RataRata rataRata,
        PredikatPair predikat,
        @Schema(nullable = true) String faktorPendorong,
        @Schema(nullable = true) String faktorPenghambat,
        @Schema(nullable = true, description = "Follow-up needed in the next triwulan") String tindakLanjutTriwulan,
        @Schema(nullable = true, description = "Follow-up needed in the next Renja") String tindakLanjutRenja,
        @Schema(nullable = true, description = "Signature of the Kepala OPD (null while DRAFT)") Tanda disusun,
        @Schema(nullable = true, description = "Signature of Bappeda (null until DIEVALUASI)") Tanda dievaluasi) {

    /** The sign-off of one OPD's quarter. */
    @Schema(name = "StatusEvaluasi", description = "DRAFT → DISUSUN (the OPD's operator) → DIEVALUASI (verifikator); reopened to DRAFT with a reason")
    public enum Status {
        DRAFT, DISUSUN, DIEVALUASI;

        /** The transitions the sign-off allows (repeating the current status is not one: it is idempotent). */
        public boolean canBecome(Status target) {
            return switch (this) {
                case DRAFT -> target == DISUSUN;
                case DISUSUN -> target == DIEVALUASI || target == DRAFT;
                case DIEVALUASI -> target == DRAFT;
            };
        }
    }

    /** How a quarter's value follows from the to-date values: counted things add up, levels are the latest. */
    @Schema(name = "Agregasi", enumeration = {"jumlah", "akhir"})
    public enum Agregasi {
        JUMLAH, AKHIR;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Agregasi of(String value) {
            for (Agregasi a : values()) {
                if (a.json().equals(value)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("agregasi harus 'jumlah' atau 'akhir', bukan '" + value + "'");
        }
    }

    @Schema(name = "EvaluasiRenjaRow", description = "One program, kegiatan or sub kegiatan")
    public record Row(
            @Schema(example = "2.08.02.2.01.0001") String kode,
            @Schema(nullable = true, example = "Advokasi Kebijakan dan Pendampingan Pelaksanaan PUG termasuk PPRG") String uraian,
            Level level,
            @Schema(nullable = true, description = "Column 2, programs only") String sasaran,
            @Schema(nullable = true, description = "Null when this node has no budget (no sub kegiatan)") Anggaran anggaran,
            List<Indikator> indikator) {
    }

    @Schema(name = "EvaluasiRenjaAnggaran", description = "Part Rp, columns 5–15; programs and kegiatan: the sums of "
            + "their sub kegiatan (columns 7–12 and 14), columns 5–6 the node's own Renstra entries")
    public record Anggaran(
            @Schema(nullable = true, description = "Column 5 Rp: Renstra pagu up to the end of the period", example = "1000000000.00") BigDecimal renstraPagu,
            @Schema(nullable = true, description = "Column 6 Rp: Renstra realisasi up to last year's Renja", example = "600000000.00") BigDecimal renstraSebelumnya,
            @Schema(description = "Column 7 Rp: this year's pagu", example = "200000000.00") BigDecimal target,
            @Schema(type = SchemaType.ARRAY, implementation = AngkaAtauNull.class, minItems = 4, maxItems = 4,
                    description = "Columns 8–11 Rp: realisasi in triwulan I..IV (null after the triwulan evaluated)",
                    example = "[30000000, 60000000, null, null]") List<BigDecimal> triwulan,
            @Schema(description = "Column 12 Rp: realisasi up to the end of the triwulan evaluated", example = "90000000.00") BigDecimal realisasi,
            @Schema(nullable = true, description = "Column 13 Rp (%): 12 / 7 × 100", example = "45.00") BigDecimal capaian,
            @Schema(description = "Column 14 Rp: 6 + 12", example = "690000000.00") BigDecimal renstraRealisasi,
            @Schema(nullable = true, description = "Column 15 Rp (%): 14 / 5 × 100", example = "69.00") BigDecimal renstraCapaian) {
    }

    @Schema(name = "EvaluasiRenjaIndikator", description = "Part K, columns 4–15, of one indicator")
    public record Indikator(
            @Schema(example = "1") int nomor,
            @Schema(example = "Jumlah dokumen") String nama,
            @Schema(example = "dokumen") String satuan,
            Polaritas polaritas,
            Agregasi agregasi,
            @Schema(nullable = true, description = "Column 5 K", example = "60") BigDecimal renstraTarget,
            @Schema(nullable = true, description = "Column 6 K", example = "40") BigDecimal renstraSebelumnya,
            @Schema(nullable = true, description = "Column 7 K", example = "12") BigDecimal target,
            @Schema(type = SchemaType.ARRAY, implementation = AngkaAtauNull.class, minItems = 4, maxItems = 4,
                    description = "Columns 8–11 K (null: no entry, or after the triwulan evaluated)",
                    example = "[2, 5, null, null]") List<BigDecimal> triwulan,
            @Schema(nullable = true, description = "Column 12 K", example = "7") BigDecimal realisasi,
            @Schema(nullable = true, description = "Column 13 K (%)", example = "58.33") BigDecimal capaian,
            @Schema(nullable = true, description = "Column 14 K: jumlah 6 + 12, akhir 12", example = "47") BigDecimal renstraRealisasi,
            @Schema(nullable = true, description = "Column 15 K (%)", example = "78.33") BigDecimal renstraCapaian) {
    }

    @Schema(name = "EvaluasiRenjaRataRata")
    public record RataRata(
            @Schema(nullable = true, description = "Average of column 13 K over the indicators that have a value", example = "63.54") BigDecimal kinerja,
            @Schema(nullable = true, description = "Σ column 12 Rp / Σ column 7 Rp × 100 over the OPD's sub kegiatan", example = "45.00") BigDecimal anggaran) {
    }

    @Schema(name = "EvaluasiRenjaPredikat")
    public record PredikatPair(@Schema(nullable = true) Predikat kinerja, @Schema(nullable = true) Predikat anggaran) {
    }

    @Schema(name = "TandaTangan", description = "Who signed, and when")
    public record Tanda(
            @Schema(description = "Token subject", example = "p3ap2kb-operator-1") String oleh,
            @Schema(nullable = true, example = "Siti Rahmah") String nama,
            @Schema(example = "2024-07-10T03:00:00Z") OffsetDateTime pada) {
    }

    /** The schema of one quarter's value: a number, or null when there is none. */
    @Schema(name = "AngkaAtauNull", type = SchemaType.NUMBER, nullable = true, description = "A number, or null when there is none")
    public static final class AngkaAtauNull {
        private AngkaAtauNull() {
        }
    }
}
