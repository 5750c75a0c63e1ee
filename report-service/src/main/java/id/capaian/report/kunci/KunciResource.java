package id.capaian.report.kunci;

import id.capaian.core.lock.LockRequest;
import id.capaian.core.lock.YearLock;
import id.capaian.core.lock.YearLockResource;
import id.capaian.report.owners.OwnerLocks;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The year lock of the whole suite: verifikators lock and unlock here. One change of a pemda-year at a time
 * ({@link LockSerial}), ordered so that no owner is ever open while the report says FINAL: a lock goes to the
 * owners first ({@link OwnerLocks}), waits until their events of the scope are on Kafka and applied here, then
 * makes the report FINAL and records its ceilings; an unlock makes the report a draft first, then opens the
 * owners. Documented by {@link KunciDocs}.
 */
@Path("/api/v1/reports/{pemda}/{tahun}/kunci")
@Tag(name = "Kunci", description = "The year lock of the suite: set in budget-service and indicator-service, then here, "
        + "where it makes the reports of that pemda-year (or OPD) FINAL")
public class KunciResource extends YearLockResource {

    @Inject OwnerLocks owners;
    @Inject PaguTerkunci paguTerkunci;
    @Inject LockSerial serial;
    @Inject ReadModelCaughtUp readModel;

    @Override
    protected List<YearLock> change(String pemda, int tahun, LockRequest request) {
        return serial.run(pemda, tahun, () -> Boolean.TRUE.equals(request.terkunci())
                ? lock(pemda, tahun, request)
                : unlock(pemda, tahun, request));
    }

    private List<YearLock> lock(String pemda, int tahun, LockRequest request) {
        String draft = locked(pemda, tahun, request.opd()) ? "FINAL" : "DRAF (belum dikunci)";
        owners.set(pemda, tahun, request, draft);
        owners.awaitDrained(pemda, tahun, request.opd(), draft);
        readModel.await("Keadaan: budget-service terkunci, indicator-service terkunci, report-service " + draft + ".");
        List<YearLock> after = locks.set(pemda, tahun, request);
        paguTerkunci.record(pemda, tahun, request.opd());
        return after;
    }

    private List<YearLock> unlock(String pemda, int tahun, LockRequest request) {
        List<YearLock> after = locks.set(pemda, tahun, request);
        owners.set(pemda, tahun, request, "DRAF (sudah dibuka)");
        return after;
    }

    private boolean locked(String pemda, int tahun, String opd) {
        return locks.list(pemda, tahun).stream().anyMatch(l -> java.util.Objects.equals(l.opd(), opd));
    }
}
