package id.capaian.report.rfk;

import id.capaian.core.lock.YearLock;
import id.capaian.core.problem.ProblemException;
import id.capaian.report.laporan.CapaianTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The RFK of one OPD, and every OPD of a pemda ranked, as of the end of a month. Each is read in one SQL statement
 * (the entity states and the year's locks, {@link RfkRepository#masukan}), and a PostgreSQL statement sees one snapshot
 * in all its parts: the lock that makes a report FINAL is never newer than its numbers. No transaction is needed.
 */
@ApplicationScoped
public class RfkService {

    @Inject RfkRepository repository;

    public Rfk opd(String pemda, int tahun, String opd, int bulan) {
        RfkRepository.Masukan in = repository.masukan(pemda, tahun, opd, bulan);
        List<Rfk.Sub> subs = in.subs().get(opd);
        if (subs == null) {
            throw ProblemException.notFound("RFK " + opd + " " + tahun, "opd");
        }
        YearLock lock = CapaianTable.lockOf(in.locks(), opd);
        return Rfk.of(pemda, tahun, opd, bulan, lock, subs);
    }

    public Peringkat pemda(String pemda, int tahun, int bulan) {
        RfkRepository.Masukan in = repository.masukan(pemda, tahun, null, bulan);
        Map<String, List<Rfk.Sub>> byOpd = in.subs();
        if (byOpd.isEmpty()) {
            throw ProblemException.notFound("RFK pemda " + pemda + " " + tahun, "pemda");
        }
        List<YearLock> yearLocks = in.locks();
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
