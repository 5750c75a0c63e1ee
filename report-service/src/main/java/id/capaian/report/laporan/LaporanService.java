package id.capaian.report.laporan;

import id.capaian.core.domain.DpaRef;
import id.capaian.report.anotasi.AnotasiService.Anotasi;
import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Level;
import id.capaian.core.lock.YearLock;
import id.capaian.core.problem.ProblemException;
import id.capaian.report.laporan.CapaianTable.Anggaran;
import id.capaian.report.laporan.CapaianTable.Indikator;
import id.capaian.report.laporan.CapaianTable.Row;
import id.capaian.report.laporan.LaporanRepository.Amounts;
import id.capaian.report.laporan.LaporanRepository.NodeIndikator;
import id.capaian.report.laporan.LaporanRepository.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the read model into report tables. */
@ApplicationScoped
public class LaporanService {

    private static final Anotasi NO_NOTES = new Anotasi(null, null, null, null);

    @Inject LaporanRepository repository;

    /**
     * The table of one (OPD, urusan, year) as of the end of {@code bulan} (1..12). One statement reads it all (a
     * consistent snapshot by itself), so no transaction is opened.
     */
    public CapaianTable capaian(DpaRef dpa, Kode urusan, int bulan) {
        Rows read = repository.rows(dpa, urusan, bulan);
        // Looked up by code and sorted once: a report's rows are many, and comparing codes parses them.
        Map<Kode, Amounts> amounts = new HashMap<>();
        Amounts total = null;
        for (Amounts a : read.amounts()) {
            if (urusan.value().equals(a.kode())) {
                total = a;
            } else {
                amounts.put(Kode.of(a.kode()), a);
            }
        }
        Map<Kode, List<Indikator>> indicators = new HashMap<>();
        for (NodeIndikator i : read.indicators()) {
            indicators.computeIfAbsent(i.kode(), k -> new ArrayList<>()).add(i.indikator());
        }
        Map<String, Anotasi> notes = read.notes();
        if (total == null && indicators.isEmpty()) {
            throw ProblemException.notFound("Laporan " + dpa.opd() + " " + dpa.tahun() + " urusan " + urusan, "urusan");
        }
        Set<Kode> distinct = new HashSet<>(amounts.keySet());
        indicators.keySet().stream().filter(k -> k.level() != Level.URUSAN).forEach(distinct::add);
        List<Kode> kodes = new ArrayList<>(distinct);
        Collections.sort(kodes);
        List<Row> rows = new ArrayList<>();
        for (Kode k : kodes) {
            Amounts a = amounts.get(k);
            Anotasi n = notes.getOrDefault(k.value(), NO_NOTES);
            rows.add(new Row(k.value(), k.level(), a == null ? null : a.uraian(),
                    indicators.getOrDefault(k, List.of()),
                    a == null ? Anggaran.NONE : Anggaran.of(a.paguMurni(), a.pagu(), a.realisasi()),
                    k.level() == Level.PROGRAM ? n.kebijakan() : null, n.permasalahan(), n.upaya(), n.tindakLanjut()));
        }
        Anggaran t = total == null ? Anggaran.NONE : Anggaran.of(total.paguMurni(), total.pagu(),
                total.realisasi());
        YearLock lock = CapaianTable.lockOf(read.locks(), dpa.opd());
        return new CapaianTable(dpa.pemda(), dpa.tahun(), dpa.opd(),
                new CapaianTable.Node(urusan.value(), Urusan.nama(urusan.value())), bulan,
                lock == null ? CapaianTable.Status.DRAFT : CapaianTable.Status.FINAL, lock, rows,
                new CapaianTable.Total(t, t.predikat()));
    }
}
