package id.capaian.report.rfk;

import id.capaian.core.lock.YearLock;
import id.capaian.core.lock.YearLocks;
import id.capaian.core.problem.ProblemException;
import id.capaian.report.laporan.CapaianTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The RFK of one OPD, and every OPD of a pemda ranked, as of the end of a month; read in one snapshot. */
@ApplicationScoped
public class RfkService {

    @Inject RfkRepository repository;
    @Inject YearLocks locks;

    @Transactional
    public Rfk opd(String pemda, int tahun, String opd, int bulan) {
        List<Rfk.Sub> subs = repository.subs(pemda, tahun, opd, bulan).get(opd);
        if (subs == null) {
            throw ProblemException.notFound("RFK " + opd + " " + tahun, "opd");
        }
        YearLock lock = CapaianTable.lockOf(locks.list(pemda, tahun), opd);
        return Rfk.of(pemda, tahun, opd, bulan, lock, subs);
    }

    @Transactional
    public Peringkat pemda(String pemda, int tahun, int bulan) {
        Map<String, List<Rfk.Sub>> byOpd = repository.subs(pemda, tahun, null, bulan);
        if (byOpd.isEmpty()) {
            throw ProblemException.notFound("RFK pemda " + pemda + " " + tahun, "pemda");
        }
        List<YearLock> yearLocks = locks.list(pemda, tahun);
        List<Peringkat.Opd> rows = new ArrayList<>();
        byOpd.forEach((opd, subs) -> rows.add(Peringkat.Opd.of(0, opd,
                CapaianTable.lockOf(yearLocks, opd) == null ? CapaianTable.Status.DRAFT : CapaianTable.Status.FINAL,
                Rfk.total(subs))));
        rows.sort(Peringkat.ORDER);
        List<Peringkat.Opd> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ranked.add(rows.get(i).ranked(i + 1));
        }
        return new Peringkat(pemda, tahun, bulan, List.copyOf(ranked), Rfk.total(byOpd.values().stream()
                .flatMap(List::stream).toList()));
    }

    /** Missing values rank last. */
    static Comparator<BigDecimal> descending() {
        return Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder());
    }
}
