package id.capaian.report.laporan;

import id.capaian.report.tenant.Dpa;

import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Level;
import id.capaian.core.domain.Polaritas;
import id.capaian.core.domain.RumusNegatif;
import id.capaian.core.lock.YearLock;
import id.capaian.core.lock.YearLocks;
import id.capaian.core.problem.ProblemException;
import id.capaian.report.laporan.CapaianTable.Anggaran;
import id.capaian.report.laporan.CapaianTable.Indikator;
import id.capaian.report.laporan.CapaianTable.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the read model into report tables. */
@ApplicationScoped
public class LaporanService {

    @Inject EntityManager em;
    @Inject YearLocks locks;

    /** The table of one (OPD, urusan, year) as of the end of {@code bulan} (1..12). */
    @Transactional
    public CapaianTable capaian(Dpa dpa, Kode urusan, int bulan) {
        record Amounts(String level, String uraian, BigDecimal pagu, BigDecimal realisasi, BigDecimal paguMurni) {
        }
        Map<Kode, Amounts> amounts = new TreeMap<>();
        Amounts total = null;
        for (Object o : em.createNativeQuery("""
                SELECT kode, level, uraian, pagu, realisasi[?5], pagu_murni FROM anggaran
                WHERE pemda = ?1 AND tahun = ?2 AND opd = ?3 AND (kode = ?4 OR kode LIKE ?4 || '.%')""")
                .setParameter(1, dpa.pemda()).setParameter(2, dpa.tahun()).setParameter(3, dpa.opd())
                .setParameter(4, urusan.value()).setParameter(5, bulan).getResultList()) {
            Object[] r = (Object[]) o;
            Amounts a = new Amounts((String) r[1], (String) r[2], (BigDecimal) r[3], (BigDecimal) r[4],
                    (BigDecimal) r[5]);
            if (urusan.value().equals(r[0])) {
                total = a;
            } else {
                amounts.put(Kode.of((String) r[0]), a);
            }
        }
        Map<Kode, List<Indikator>> indicators = new TreeMap<>();
        for (Object o : em.createNativeQuery("""
                SELECT kode, nomor, nama, satuan, polaritas, rumus, target, realisasi[?5] FROM indikator
                WHERE pemda = ?1 AND tahun = ?2 AND opd = ?3 AND kode LIKE ?4 || '.%' ORDER BY nomor""")
                .setParameter(1, dpa.pemda()).setParameter(2, dpa.tahun()).setParameter(3, dpa.opd())
                .setParameter(4, urusan.value()).setParameter(5, bulan).getResultList()) {
            Object[] r = (Object[]) o;
            indicators.computeIfAbsent(Kode.of((String) r[0]), k -> new ArrayList<>()).add(Indikator.of(
                    ((Number) r[1]).intValue(), (String) r[2], (String) r[3], Polaritas.of((String) r[4]),
                    r[5] == null ? null : RumusNegatif.of((String) r[5]), (BigDecimal) r[6], (BigDecimal) r[7]));
        }
        Map<String, String[]> notes = new HashMap<>();
        for (Object o : em.createNativeQuery("""
                SELECT kode, kebijakan, permasalahan, upaya, tindak_lanjut FROM anotasi
                WHERE pemda = ?1 AND tahun = ?2 AND opd = ?3 AND kode LIKE ?4 || '.%'""")
                .setParameter(1, dpa.pemda()).setParameter(2, dpa.tahun()).setParameter(3, dpa.opd())
                .setParameter(4, urusan.value()).getResultList()) {
            Object[] r = (Object[]) o;
            notes.put((String) r[0], new String[] {(String) r[1], (String) r[2], (String) r[3], (String) r[4]});
        }
        if (total == null && indicators.isEmpty()) {
            throw ProblemException.notFound("Laporan " + dpa.opd() + " " + dpa.tahun() + " urusan " + urusan, "urusan");
        }
        TreeMap<Kode, Boolean> kodes = new TreeMap<>();
        amounts.keySet().forEach(k -> kodes.put(k, true));
        indicators.keySet().stream().filter(k -> k.level() != Level.URUSAN).forEach(k -> kodes.put(k, true));
        List<Row> rows = new ArrayList<>();
        for (Kode k : kodes.keySet()) {
            Amounts a = amounts.get(k);
            String[] n = notes.getOrDefault(k.value(), new String[4]);
            rows.add(new Row(k.value(), k.level(), a == null ? null : a.uraian(),
                    indicators.getOrDefault(k, List.of()),
                    a == null ? Anggaran.NONE : Anggaran.of(a.paguMurni(), a.pagu(), a.realisasi()),
                    k.level() == Level.PROGRAM ? n[0] : null, n[1], n[2], n[3]));
        }
        Anggaran t = total == null ? Anggaran.NONE : Anggaran.of(total.paguMurni(), total.pagu(),
                total.realisasi());
        YearLock lock = CapaianTable.lockOf(locks.list(dpa.pemda(), dpa.tahun()), dpa.opd());
        return new CapaianTable(dpa.pemda(), dpa.tahun(), dpa.opd(),
                new CapaianTable.Node(urusan.value(), Urusan.nama(urusan.value())), bulan,
                lock == null ? CapaianTable.Status.DRAFT : CapaianTable.Status.FINAL, lock, rows,
                new CapaianTable.Total(t, t.predikat()));
    }
}
