package id.capaian.report.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.capaian.core.domain.DpaRef;
import id.capaian.core.problem.ProblemException;
import id.capaian.report.owners.IndicatorImportClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The import records (table import_run) and the indicator-service plan each one still has to write. The plan is
 * stored with its record before any owner is written; it is cleared when the owner has it.
 */
@ApplicationScoped
public class ImportRuns {

    public static final String BERJALAN = "BERJALAN";
    public static final String SELESAI = "SELESAI";
    public static final String MENUNGGU = "MENUNGGU";
    public static final String GAGAL = "GAGAL";
    public static final String DIGANTIKAN = "DIGANTIKAN";

    @Inject EntityManager em;
    @Inject ObjectMapper json;

    /** A record as stored. */
    public record Run(UUID id, String pemda, int tahun, String opd, int bulan, String status, String pelaku,
            OffsetDateTime dibuat, OffsetDateTime diubah, String ringkasan, String rencanaIndikator, int percobaan,
            OffsetDateTime cobaLagi, String kesalahan) {
    }

    /**
     * Records a new import with the indicator plan it will write, in one transaction, before any owner write. Any
     * earlier plan of the same OPD-year still pending is superseded (this import writes the newer state); its row
     * lock makes this wait for a retry of it that is under way, so an older plan never lands after a newer one.
     */
    @Transactional
    public UUID start(DpaRef dpa, int bulan, String pelaku, IndicatorImportClient.Bundle indicatorPlan) {
        List<?> pending = em.createNativeQuery("""
                SELECT id FROM import_run WHERE pemda = ?1 AND tahun = ?2 AND opd = ?3 AND status = 'MENUNGGU' FOR UPDATE""")
                .setParameter(1, dpa.pemda()).setParameter(2, dpa.tahun()).setParameter(3, dpa.opd()).getResultList();
        if (!pending.isEmpty()) {
            em.createNativeQuery("""
                    UPDATE import_run SET status = 'DIGANTIKAN', rencana_indikator = NULL, coba_lagi = NULL, diubah = now(),
                        kesalahan = 'digantikan oleh impor berikutnya OPD ini, yang menulis keadaan yang lebih baru'
                    WHERE pemda = ?1 AND tahun = ?2 AND opd = ?3 AND status = 'MENUNGGU'""")
                    .setParameter(1, dpa.pemda()).setParameter(2, dpa.tahun()).setParameter(3, dpa.opd()).executeUpdate();
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                INSERT INTO import_run (id, pemda, tahun, opd, bulan, status, pelaku, rencana_indikator)
                VALUES (?1, ?2, ?3, ?4, ?5, 'BERJALAN', ?6, CAST(?7 AS jsonb))""")
                .setParameter(1, id).setParameter(2, dpa.pemda()).setParameter(3, dpa.tahun()).setParameter(4, dpa.opd())
                .setParameter(5, bulan).setParameter(6, pelaku).setParameter(7, write(indicatorPlan)).executeUpdate();
        return id;
    }

    /** Ends a record: SELESAI or GAGAL (the plan is dropped), with the summary and the fault, if any. */
    @Transactional
    public void end(UUID id, String status, ImportResult ringkasan, String kesalahan) {
        em.createNativeQuery("""
                UPDATE import_run SET status = ?2, ringkasan = COALESCE(CAST(?3 AS jsonb), ringkasan), kesalahan = ?4,
                    rencana_indikator = NULL, coba_lagi = NULL, diubah = now() WHERE id = ?1""")
                .setParameter(1, id).setParameter(2, status).setParameter(3, ringkasan == null ? null : write(ringkasan))
                .setParameter(4, kesalahan).executeUpdate();
    }

    /** Leaves the plan pending, to be retried after {@code delay}. */
    @Transactional
    public void pending(UUID id, ImportResult ringkasan, String kesalahan, Duration delay) {
        em.createNativeQuery("""
                UPDATE import_run SET status = 'MENUNGGU', ringkasan = COALESCE(CAST(?2 AS jsonb), ringkasan), kesalahan = ?3,
                    coba_lagi = now() + make_interval(secs => ?4), diubah = now() WHERE id = ?1""")
                .setParameter(1, id).setParameter(2, ringkasan == null ? null : write(ringkasan)).setParameter(3, kesalahan)
                .setParameter(4, delay.toMillis() / 1000.0).executeUpdate();
    }

    @Transactional
    public Run find(DpaRef dpa, UUID id) {
        List<Run> runs = query("WHERE id = ?1 AND pemda = ?2 AND tahun = ?3 AND opd = ?4", false,
                id, dpa.pemda(), dpa.tahun(), dpa.opd());
        if (runs.isEmpty()) {
            throw ProblemException.notFound("Impor " + id, "id");
        }
        return runs.get(0);
    }

    /** The plans due for a retry, locked (others skip them) until the caller's transaction ends. */
    public List<Run> lockDue(int limit) {
        return query("WHERE status = 'MENUNGGU' AND rencana_indikator IS NOT NULL AND coba_lagi <= now() "
                + "ORDER BY coba_lagi LIMIT " + limit, true);
    }

    /** After a failed retry: one more attempt counted, the next one later. */
    public void retryLater(UUID id, String kesalahan, Duration delay) {
        em.createNativeQuery("""
                UPDATE import_run SET percobaan = percobaan + 1, kesalahan = ?2,
                    coba_lagi = now() + make_interval(secs => ?3), diubah = now() WHERE id = ?1""")
                .setParameter(1, id).setParameter(2, kesalahan).setParameter(3, delay.toMillis() / 1000.0).executeUpdate();
    }

    /** A plan that cannot be sent now (no token): looked at again after {@code delay}, no attempt counted. */
    public void postpone(UUID id, String kesalahan, Duration delay) {
        em.createNativeQuery("""
                UPDATE import_run SET kesalahan = ?2, coba_lagi = now() + make_interval(secs => ?3), diubah = now()
                WHERE id = ?1""").setParameter(1, id).setParameter(2, kesalahan).setParameter(3, delay.toMillis() / 1000.0)
                .executeUpdate();
    }

    public void completed(UUID id) {
        em.createNativeQuery("""
                UPDATE import_run SET status = 'SELESAI', percobaan = percobaan + 1, rencana_indikator = NULL,
                    coba_lagi = NULL, kesalahan = NULL, diubah = now() WHERE id = ?1""").setParameter(1, id).executeUpdate();
    }

    /** The answer recorded with the run, or null. */
    public ImportResult summary(Run run) {
        try {
            return run.ringkasan() == null ? null : json.readValue(run.ringkasan(), ImportResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("import_run " + run.id() + ": stored summary unreadable", e);
        }
    }

    public IndicatorImportClient.Bundle plan(Run run) {
        try {
            return json.readValue(run.rencanaIndikator(), IndicatorImportClient.Bundle.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("import_run " + run.id() + ": stored plan unreadable", e);
        }
    }

    private List<Run> query(String where, boolean lock, Object... params) {
        var q = em.createNativeQuery("""
                SELECT id, pemda, tahun, opd, bulan, status, pelaku, dibuat, diubah, ringkasan::text, rencana_indikator::text,
                       percobaan, coba_lagi, kesalahan FROM import_run""" + " " + where + (lock ? " FOR UPDATE SKIP LOCKED" : ""),
                Object[].class);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new Run((UUID) r[0], (String) r[1], ((Number) r[2]).intValue(), (String) r[3],
                ((Number) r[4]).intValue(), (String) r[5], (String) r[6], time(r[7]), time(r[8]), (String) r[9],
                (String) r[10], ((Number) r[11]).intValue(), time(r[12]), (String) r[13])).toList();
    }

    private static OffsetDateTime time(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(o.toString());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
