package id.capaian.report.kunci;

import id.capaian.core.lock.YearLocks;
import id.capaian.core.security.PublicReads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The reports of a final year are public when the deployment says so ({@code capaian.reports.public-when-locked}):
 * anonymous callers may then read the table and analysis of a pemda-year that report-service has locked,
 * as a whole or for that OPD. Drafts never are.
 */
@ApplicationScoped
public class LockedYearsArePublic implements PublicReads {

    @Inject ReportsConfig reports;
    @Inject YearLocks locks;

    @Override
    public boolean isPublic(String pemda, String tahun, String opd) {
        if (!reports.publicWhenLocked() || pemda == null || tahun == null || !tahun.matches("\\d{4}")) {
            return false;
        }
        return locks.list(pemda, Integer.parseInt(tahun)).stream().anyMatch(l -> l.opd() == null || l.opd().equals(opd));
    }
}
