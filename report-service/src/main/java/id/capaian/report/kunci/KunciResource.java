package id.capaian.report.kunci;

import id.capaian.core.lock.LockRequest;
import id.capaian.core.lock.YearLockResource;
import id.capaian.report.owners.OwnerLocks;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The year lock of the whole suite: verifikators lock and unlock here; the lock is set in the owners first
 * ({@link OwnerLocks}), then here, where it makes the report FINAL. Documented by {@link KunciDocs}.
 */
@Path("/api/v1/reports/{pemda}/{tahun}/kunci")
@Tag(name = "Kunci", description = "The year lock of the suite: set in budget-service and indicator-service, then here, "
        + "where it makes the reports of that pemda-year (or OPD) FINAL")
public class KunciResource extends YearLockResource {

    @Inject OwnerLocks owners;
    @Inject PaguTerkunci paguTerkunci;

    @Override
    protected void beforeChange(String pemda, int tahun, LockRequest request) {
        owners.set(pemda, tahun, request);
    }

    @Override
    protected void afterChange(String pemda, int tahun, LockRequest request) {
        if (Boolean.TRUE.equals(request.terkunci())) {
            paguTerkunci.record(pemda, tahun, request.opd());
        }
    }
}
