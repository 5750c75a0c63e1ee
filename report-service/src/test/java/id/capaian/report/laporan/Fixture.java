package id.capaian.report.laporan;

import id.capaian.core.domain.Angka;
import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Level;
import id.capaian.core.domain.Polaritas;
import id.capaian.report.laporan.CapaianTable;
import id.capaian.report.laporan.CapaianTable.Anggaran;
import id.capaian.report.laporan.CapaianTable.Indikator;
import id.capaian.report.laporan.CapaianTable.Row;
import id.capaian.report.laporan.Urusan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The seed's table III.11 as a {@link CapaianTable}, built from deploy/local/demo (found through the system
 * property {@code capaian.root}, else the copy in src/test/resources/fixtures), with the anggaran of every
 * kegiatan and program as the fixture states it (the sums of their children) and the TOTAL the sum of the
 * programs.
 */
public final class Fixture {

    static final String FILE = "capaian-2024-63.10-p3ap2kb-2.08.tsv";

    private Fixture() {
    }

    public static String tsv() {
        String root = System.getProperty("capaian.root");
        if (root != null) {
            Path p = Path.of(root, "deploy", "local", "demo", FILE);
            if (Files.isReadable(p)) {
                try {
                    return Files.readString(p, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        try (InputStream in = Fixture.class.getResourceAsStream("/fixtures/" + FILE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CapaianTable table() {
        return table(r -> r);
    }

    /** The fixture table with each row passed through {@code edit} (e.g. to annotate it). */
    public static CapaianTable table(UnaryOperator<Row> edit) {
        List<Row> rows = new ArrayList<>();
        String[] lines = tsv().split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] f = lines[i].split("\t", -1);
            String kode = f[0];
            Level level = Kode.of(kode).level();
            Indikator ind = Indikator.of(1, f[2], f[3], Polaritas.of(f[4]), null, Angka.parse(f[5]), Angka.parse(f[7]));
            Anggaran a = Anggaran.of(Angka.parse(f[6]).setScale(2), Angka.parse(f[8]).setScale(2));
            rows.add(edit.apply(new Row(kode, level, f[1], List.of(ind), a, null, null, null, null)));
        }
        rows.sort(Comparator.comparing(r -> Kode.of(r.kode())));
        BigDecimal pagu = BigDecimal.ZERO.setScale(2);
        BigDecimal realisasi = BigDecimal.ZERO.setScale(2);
        for (Row r : rows) {
            if (r.level() == Level.PROGRAM) {
                pagu = pagu.add(r.anggaran().pagu());
                realisasi = realisasi.add(r.anggaran().realisasi());
            }
        }
        Anggaran total = Anggaran.of(pagu, realisasi);
        return new CapaianTable("63.10", 2024, "P3AP2KB", new CapaianTable.Node("2.08", Urusan.nama("2.08")), 12,
                CapaianTable.Status.DRAFT, null, rows,
                new CapaianTable.Total(total, total.predikat()));
    }

    /** The fixture table as it reads once Bappeda has locked the year. */
    public static CapaianTable locked() {
        CapaianTable t = table();
        return new CapaianTable(t.pemda(), t.tahun(), t.opd(), t.urusan(), t.bulan(), CapaianTable.Status.FINAL,
                new id.capaian.core.lock.YearLock("63.10", 2024, null, "LKPJ 2024 disampaikan ke DPRD", "bappeda-1",
                        "Ahmad Fauzi", java.time.OffsetDateTime.parse("2025-03-31T02:00:00Z")),
                t.rows(), t.total());
    }

    /** A copy of {@code r} with annotations. */
    public static Row annotate(Row r, String kebijakan, String permasalahan, String upaya, String tindakLanjut) {
        return new Row(r.kode(), r.level(), r.uraian(), r.indikator(), r.anggaran(), kebijakan, permasalahan, upaya,
                tindakLanjut);
    }
}
