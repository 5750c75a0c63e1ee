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
@Schema(name = "EvaluasiRenja", description = "Formulir E.81: evaluasi hasil Renja satu OPD, satu tahun, satu triwulan")
public record EvaluasiForm(
        @Schema(example = "63.10") String pemda,
        @Schema(example = "2024") int tahun,
        @Schema(example = "P3AP2KB") String opd,
        @Schema(description = "Triwulan yang dievaluasi (1..4)", example = "2") int triwulan,
        Status status,
        List<Row> rows,
        RataRata rataRata,
        PredikatPair predikat,
        @Schema(nullable = true) String faktorPendorong,
        @Schema(nullable = true) String faktorPenghambat,
        @Schema(nullable = true, description = "Tindak lanjut yang diperlukan dalam triwulan berikutnya") String tindakLanjutTriwulan,
        @Schema(nullable = true, description = "Tindak lanjut yang diperlukan dalam Renja berikutnya") String tindakLanjutRenja,
        @Schema(nullable = true, description = "Tanda tangan Kepala OPD (null selama DRAFT)") Tanda disusun,
        @Schema(nullable = true, description = "Tanda tangan Bappeda (null sampai DIEVALUASI)") Tanda dievaluasi) {

    /** The sign-off of one OPD's quarter. */
    @Schema(name = "StatusEvaluasi", description = "DRAFT → DISUSUN (operator OPD) → DIEVALUASI (verifikator); dibuka kembali ke DRAFT dengan alasan")
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

    @Schema(name = "EvaluasiRenjaRow", description = "Satu program, kegiatan atau sub kegiatan")
    public record Row(
            @Schema(example = "2.08.02.2.01.0001") String kode,
            @Schema(nullable = true, example = "Advokasi Kebijakan dan Pendampingan Pelaksanaan PUG termasuk PPRG") String uraian,
            Level level,
            @Schema(nullable = true, description = "Kolom 2, hanya program") String sasaran,
            @Schema(nullable = true, description = "Null bila node ini tidak beranggaran (tidak ada sub kegiatan)") Anggaran anggaran,
            List<Indikator> indikator) {
    }

    @Schema(name = "EvaluasiRenjaAnggaran", description = "Bagian Rp kolom 5–15; program dan kegiatan: jumlah sub kegiatannya "
            + "(kolom 7–12 dan 14), kolom 5–6 isian Renstra node itu sendiri")
    public record Anggaran(
            @Schema(nullable = true, description = "Kolom 5 Rp: pagu Renstra sampai akhir periode", example = "1000000000.00") BigDecimal renstraPagu,
            @Schema(nullable = true, description = "Kolom 6 Rp: realisasi Renstra sampai Renja tahun lalu", example = "600000000.00") BigDecimal renstraSebelumnya,
            @Schema(description = "Kolom 7 Rp: pagu tahun ini", example = "200000000.00") BigDecimal target,
            @Schema(type = SchemaType.ARRAY, implementation = AngkaAtauNull.class, minItems = 4, maxItems = 4,
                    description = "Kolom 8–11 Rp: realisasi dalam triwulan I..IV (null sesudah triwulan yang dievaluasi)",
                    example = "[30000000, 60000000, null, null]") List<BigDecimal> triwulan,
            @Schema(description = "Kolom 12 Rp: realisasi sampai akhir triwulan yang dievaluasi", example = "90000000.00") BigDecimal realisasi,
            @Schema(nullable = true, description = "Kolom 13 Rp (%): 12 / 7 × 100", example = "45.00") BigDecimal capaian,
            @Schema(description = "Kolom 14 Rp: 6 + 12", example = "690000000.00") BigDecimal renstraRealisasi,
            @Schema(nullable = true, description = "Kolom 15 Rp (%): 14 / 5 × 100", example = "69.00") BigDecimal renstraCapaian) {
    }

    @Schema(name = "EvaluasiRenjaIndikator", description = "Bagian K kolom 4–15 satu indikator")
    public record Indikator(
            @Schema(example = "1") int nomor,
            @Schema(example = "Jumlah dokumen") String nama,
            @Schema(example = "dokumen") String satuan,
            Polaritas polaritas,
            Agregasi agregasi,
            @Schema(nullable = true, description = "Kolom 5 K", example = "60") BigDecimal renstraTarget,
            @Schema(nullable = true, description = "Kolom 6 K", example = "40") BigDecimal renstraSebelumnya,
            @Schema(nullable = true, description = "Kolom 7 K", example = "12") BigDecimal target,
            @Schema(type = SchemaType.ARRAY, implementation = AngkaAtauNull.class, minItems = 4, maxItems = 4,
                    description = "Kolom 8–11 K (null: tidak ada isian, atau sesudah triwulan yang dievaluasi)",
                    example = "[2, 5, null, null]") List<BigDecimal> triwulan,
            @Schema(nullable = true, description = "Kolom 12 K", example = "7") BigDecimal realisasi,
            @Schema(nullable = true, description = "Kolom 13 K (%)", example = "58.33") BigDecimal capaian,
            @Schema(nullable = true, description = "Kolom 14 K: jumlah 6 + 12, akhir 12", example = "47") BigDecimal renstraRealisasi,
            @Schema(nullable = true, description = "Kolom 15 K (%)", example = "78.33") BigDecimal renstraCapaian) {
    }

    @Schema(name = "EvaluasiRenjaRataRata")
    public record RataRata(
            @Schema(nullable = true, description = "Rata-rata kolom 13 K atas indikator yang bernilai", example = "63.54") BigDecimal kinerja,
            @Schema(nullable = true, description = "Σ kolom 12 Rp / Σ kolom 7 Rp × 100 atas sub kegiatan OPD", example = "45.00") BigDecimal anggaran) {
    }

    @Schema(name = "EvaluasiRenjaPredikat")
    public record PredikatPair(@Schema(nullable = true) Predikat kinerja, @Schema(nullable = true) Predikat anggaran) {
    }

    @Schema(name = "TandaTangan", description = "Siapa menandatangani dan kapan")
    public record Tanda(
            @Schema(description = "Subject token", example = "p3ap2kb-operator-1") String oleh,
            @Schema(nullable = true, example = "Siti Rahmah") String nama,
            @Schema(example = "2024-07-10T03:00:00Z") OffsetDateTime pada) {
    }

    /** The schema of one quarter's value: a number, or null when there is none. */
    @Schema(name = "AngkaAtauNull", type = SchemaType.NUMBER, nullable = true, description = "Angka, atau null bila tidak ada")
    public static final class AngkaAtauNull {
        private AngkaAtauNull() {
        }
    }
}
