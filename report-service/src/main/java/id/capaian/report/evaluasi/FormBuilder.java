package id.capaian.report.evaluasi;

import id.capaian.core.domain.Capaian;
import id.capaian.core.domain.DpaRef;
import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Level;
import id.capaian.core.domain.Predikat;
import id.capaian.report.evaluasi.EvaluasiForm.Agregasi;
import id.capaian.report.evaluasi.EvaluasiForm.Anggaran;
import id.capaian.report.evaluasi.EvaluasiForm.Indikator;
import id.capaian.report.evaluasi.EvaluasiForm.PredikatPair;
import id.capaian.report.evaluasi.EvaluasiForm.RataRata;
import id.capaian.report.evaluasi.EvaluasiForm.Row;
import id.capaian.report.evaluasi.Inputs.Budget;
import id.capaian.report.evaluasi.Inputs.Indicator;
import id.capaian.report.evaluasi.Inputs.Parent;
import id.capaian.report.evaluasi.Inputs.Renstra;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Assembles Formulir E.81 of quarter N from the owners' latest states: the quarter rules ({@link Quarters}),
 * capaian and predikat by core's {@link Capaian} and {@link Predikat} (never re-implemented here).
 */
final class FormBuilder {

    private FormBuilder() {
    }

    static EvaluasiForm build(DpaRef dpa, int n, Inputs in, EvaluasiRepository.Row state) {
        Map<Kode, String> uraian = new TreeMap<>();
        Map<Kode, List<Indicator>> indikator = new TreeMap<>();
        for (Budget b : in.budgets) {
            uraian.merge(b.kode(), b.uraian() == null ? "" : b.uraian(), FormBuilder::keep);
            uraian.merge(b.kegiatan().kode(), b.kegiatan().uraian() == null ? "" : b.kegiatan().uraian(), FormBuilder::keep);
            uraian.merge(b.program().kode(), b.program().uraian() == null ? "" : b.program().uraian(), FormBuilder::keep);
        }
        for (Indicator i : in.indicators) {
            Level l = i.kode().level();
            if (l == Level.PROGRAM || l == Level.KEGIATAN || l == Level.SUB_KEGIATAN) {
                uraian.putIfAbsent(i.kode(), "");
                indikator.computeIfAbsent(i.kode(), k -> new ArrayList<>()).add(i);
            }
        }
        List<Row> rows = new ArrayList<>();
        List<BigDecimal> kinerja = new ArrayList<>();
        for (Map.Entry<Kode, String> e : uraian.entrySet()) {
            Kode kode = e.getKey();
            List<Indicator> own = new ArrayList<>(indikator.getOrDefault(kode, List.of()));
            own.sort(Comparator.comparingInt(Indicator::nomor));
            List<Indikator> inds = new ArrayList<>();
            for (Indicator i : own) {
                Indikator k = indikator(i, n);
                inds.add(k);
                if (k.capaian() != null) {
                    kinerja.add(k.capaian());
                }
            }
            String sasaran = kode.level() != Level.PROGRAM ? null
                    : own.stream().map(Indicator::sasaran).filter(s -> s != null).findFirst().orElse(null);
            rows.add(new Row(kode.value(), e.getValue().isEmpty() ? null : e.getValue(), kode.level(), sasaran,
                    anggaran(kode, in.budgets, n), Collections.unmodifiableList(inds)));
        }
        BigDecimal rataKinerja = kinerja.isEmpty() ? null
                : kinerja.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(kinerja.size()), 2, RoundingMode.HALF_UP);
        BigDecimal pagu = BigDecimal.ZERO;
        BigDecimal realisasi = BigDecimal.ZERO;
        for (Budget b : in.budgets) {
            pagu = pagu.add(Quarters.orZero(b.pagu()));
            realisasi = realisasi.add(Quarters.orZero(Quarters.latestUpTo(b.entered(), 3 * n)));
        }
        BigDecimal rataAnggaran = in.budgets.isEmpty() ? null : persen(Capaian.keuangan(pagu, realisasi));
        Catatan c = state.catatan();
        return new EvaluasiForm(dpa.pemda(), dpa.tahun(), dpa.opd(), n, state.status(), Collections.unmodifiableList(rows),
                new RataRata(rataKinerja, rataAnggaran),
                new PredikatPair(rataKinerja == null ? null : Predikat.of(rataKinerja),
                        rataAnggaran == null ? null : Predikat.of(rataAnggaran)),
                c.faktorPendorong(), c.faktorPenghambat(), c.tindakLanjutTriwulan(), c.tindakLanjutRenja(),
                state.disusun(), state.dievaluasi());
    }

    private static String keep(String held, String next) {
        return held.isEmpty() ? next : held;
    }

    /** Columns 5–15 K of one indicator for quarter n. */
    static Indikator indikator(Indicator i, int n) {
        boolean jumlah = i.agregasi() == Agregasi.JUMLAH;
        List<BigDecimal> triwulan = jumlah ? Quarters.jumlah(i.entered(), n, false) : Quarters.akhir(i.entered(), n);
        BigDecimal realisasi = Quarters.latestUpTo(i.entered(), 3 * n);
        Renstra r = i.renstra();
        BigDecimal renstraRealisasi = !jumlah ? realisasi
                : r.sebelumnya() == null ? realisasi
                : realisasi == null ? r.sebelumnya() : r.sebelumnya().add(realisasi);
        return new Indikator(i.nomor(), i.nama(), i.satuan(), i.polaritas(), i.agregasi(), r.target(), r.sebelumnya(),
                i.target(), triwulan, realisasi,
                persen(Capaian.fisik(i.polaritas(), i.rumus(), i.target(), realisasi)),
                renstraRealisasi,
                persen(Capaian.fisik(i.polaritas(), i.rumus(), r.target(), renstraRealisasi)));
    }

    /**
     * Columns 5–15 Rp of a node: a sub kegiatan's own; a kegiatan's or program's columns 7–12 and 14 are the sums of its
     * sub kegiatan, 5–6 its own entered Renstra (as the most recent event of its sub kegiatan states it). Null when the
     * node has no sub kegiatan with a budget.
     */
    static Anggaran anggaran(Kode kode, List<Budget> budgets, int n) {
        List<Budget> leaves = budgets.stream().filter(b -> b.kode().isWithin(kode)).toList();
        if (leaves.isEmpty()) {
            return null;
        }
        Renstra renstra;
        if (kode.level() == Level.SUB_KEGIATAN) {
            renstra = leaves.get(0).renstra();
        } else {
            renstra = leaves.stream().filter(b -> b.time() != null).max(Comparator.comparing(Budget::time))
                    .or(() -> Optional.of(leaves.get(0)))
                    .map(b -> own(b, kode)).orElse(Renstra.NONE);
        }
        BigDecimal target = BigDecimal.ZERO;
        BigDecimal realisasi = BigDecimal.ZERO;
        BigDecimal renstraRealisasi = BigDecimal.ZERO;
        List<BigDecimal> triwulan = new ArrayList<>(Collections.nCopies(4, (BigDecimal) null));
        for (Budget b : leaves) {
            target = target.add(Quarters.orZero(b.pagu()));
            BigDecimal r = Quarters.latestUpTo(b.entered(), 3 * n);
            r = Quarters.orZero(r);
            realisasi = realisasi.add(r);
            renstraRealisasi = renstraRealisasi.add(Quarters.orZero(b.renstra().sebelumnya()).add(r));
            List<BigDecimal> q = Quarters.jumlah(b.entered(), n, true);
            for (int k = 0; k < 4; k++) {
                if (q.get(k) != null) {
                    triwulan.set(k, triwulan.get(k) == null ? q.get(k) : triwulan.get(k).add(q.get(k)));
                }
            }
        }
        if (kode.level() == Level.SUB_KEGIATAN && renstra.sebelumnya() == null) {
            renstraRealisasi = realisasi;
        }
        triwulan.replaceAll(FormBuilder::rupiah);
        return new Anggaran(rupiah(renstra.target()), rupiah(renstra.sebelumnya()), rupiah(target),
                Collections.unmodifiableList(triwulan), rupiah(realisasi), persen(Capaian.keuangan(target, realisasi)),
                rupiah(renstraRealisasi), persen(Capaian.keuangan(renstra.target(), renstraRealisasi)));
    }

    private static Renstra own(Budget b, Kode kode) {
        Parent p = kode.level() == Level.KEGIATAN ? b.kegiatan() : b.program();
        return p.renstra();
    }

    /** Rupiah are shown with scale 2 (0.00 rather than 0). */
    private static BigDecimal rupiah(BigDecimal v) {
        return v == null ? null : v.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal persen(Optional<Capaian> c) {
        return c.map(Capaian::persen).orElse(null);
    }
}
