package id.capaian.report.evaluasi;

import id.capaian.core.domain.DpaRef;
import id.capaian.report.readmodel.ReadModel;
import id.capaian.report.evaluasi.EvaluasiForm.Status;
import id.capaian.report.evaluasi.EvaluasiForm.Tanda;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The form's data in report-service's database: the owners' latest events of one OPD-year (entity_state,
 * read by subject prefix) and the evaluation's own rows (table evaluasi: texts and sign-off per quarter).
 */
@ApplicationScoped
public class EvaluasiRepository {

    /** Advisory lock class of sign-offs ("EVRJ"); the object is the hash of pemda/tahun/opd. */
    static final int LOCK_CLASS = 0x4556524A;

    static final List<String> TYPES = List.of("budget.realization-updated", "indicator.realization-updated");

    @Inject EntityManager em;

    /** One entity's latest event, as held: its data as JSON text. */
    public record StateRow(String subject, String type, String data, Instant time) {
    }

    /** The texts and sign-off of one quarter (a quarter never written is DRAFT without texts). */
    public record Row(Status status, Catatan catatan, Tanda disusun, Tanda dievaluasi) {

        static final Row EMPTY = new Row(Status.DRAFT, Catatan.EMPTY, null, null);
    }

    /** Every live (not removed) budget and indicator entity of the OPD-year. */
    @Transactional
    public List<StateRow> states(DpaRef dpa) {
        String prefix = dpa.pemda() + "/" + dpa.tahun() + "/" + dpa.opd() + "/";
        List<Object[]> rows = em.createNativeQuery("""
                SELECT subject, type, CAST(data AS text), event_time FROM entity_state
                WHERE subject LIKE :prefix ESCAPE '\\' AND type IN (:types)
                  AND COALESCE(CAST(data ->> 'removed' AS boolean), false) = false
                ORDER BY subject""", Object[].class)
                .setParameter("prefix", ReadModel.subjectsStartingWith(prefix)).setParameter("types", TYPES).getResultList();
        return rows.stream().map(r -> new StateRow((String) r[0], (String) r[1], (String) r[2], instant(r[3]))).toList();
    }

    /** Whether the owners ever announced anything of the OPD-year (removed entities included). */
    @Transactional
    public boolean known(DpaRef dpa) {
        String prefix = dpa.pemda() + "/" + dpa.tahun() + "/" + dpa.opd() + "/";
        return !em.createNativeQuery("SELECT 1 FROM entity_state WHERE subject LIKE :prefix ESCAPE '\\' LIMIT 1")
                .setParameter("prefix", ReadModel.subjectsStartingWith(prefix)).getResultList().isEmpty();
    }

    @Transactional
    public Row quarter(DpaRef dpa, int triwulan) {
        return read(dpa, triwulan, "");
    }

    /** The quarter's row locked for a change (EMPTY when none yet). */
    @Transactional(TxType.MANDATORY)
    public Row lockedQuarter(DpaRef dpa, int triwulan) {
        return read(dpa, triwulan, " FOR UPDATE");
    }

    /** The status of every quarter of the OPD-year that has a row. */
    @Transactional(TxType.MANDATORY)
    public Map<Integer, Status> statuses(DpaRef dpa) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT triwulan, status FROM evaluasi WHERE pemda = :pemda AND tahun = :tahun AND opd = :opd""", Object[].class)
                .setParameter("pemda", dpa.pemda()).setParameter("tahun", dpa.tahun()).setParameter("opd", dpa.opd())
                .getResultList();
        Map<Integer, Status> m = new TreeMap<>();
        rows.forEach(r -> m.put(((Number) r[0]).intValue(), Status.valueOf((String) r[1])));
        return m;
    }

    /** Serializes the sign-offs (and text changes) of one OPD-year until the transaction ends. */
    @Transactional(TxType.MANDATORY)
    public void serialize(DpaRef dpa) {
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(:cls, hashtext(:key))) AS l")
                .setParameter("cls", LOCK_CLASS).setParameter("key", dpa.pemda() + "/" + dpa.tahun() + "/" + dpa.opd())
                .getSingleResult();
    }

    @Transactional(TxType.MANDATORY)
    public void saveCatatan(DpaRef dpa, int triwulan, Catatan c) {
        em.createNativeQuery("""
                INSERT INTO evaluasi (pemda, tahun, opd, triwulan, faktor_pendorong, faktor_penghambat,
                                      tindak_lanjut_triwulan, tindak_lanjut_renja)
                VALUES (:pemda, :tahun, :opd, :triwulan, :pendorong, :penghambat, :triwulanBerikut, :renja)
                ON CONFLICT (pemda, tahun, opd, triwulan) DO UPDATE SET faktor_pendorong = EXCLUDED.faktor_pendorong,
                    faktor_penghambat = EXCLUDED.faktor_penghambat, tindak_lanjut_triwulan = EXCLUDED.tindak_lanjut_triwulan,
                    tindak_lanjut_renja = EXCLUDED.tindak_lanjut_renja, updated_at = now()""")
                .setParameter("pemda", dpa.pemda()).setParameter("tahun", dpa.tahun()).setParameter("opd", dpa.opd())
                .setParameter("triwulan", triwulan).setParameter("pendorong", c.faktorPendorong())
                .setParameter("penghambat", c.faktorPenghambat()).setParameter("triwulanBerikut", c.tindakLanjutTriwulan())
                .setParameter("renja", c.tindakLanjutRenja()).executeUpdate();
    }

    /** Sets the status; who signs is kept for DISUSUN and DIEVALUASI, and both signatures are cleared on DRAFT. */
    @Transactional(TxType.MANDATORY)
    public void saveStatus(DpaRef dpa, int triwulan, Status status, String oleh, String nama) {
        em.createNativeQuery("""
                INSERT INTO evaluasi (pemda, tahun, opd, triwulan, status) VALUES (:pemda, :tahun, :opd, :triwulan, :status)
                ON CONFLICT (pemda, tahun, opd, triwulan) DO NOTHING""")
                .setParameter("pemda", dpa.pemda()).setParameter("tahun", dpa.tahun()).setParameter("opd", dpa.opd())
                .setParameter("triwulan", triwulan).setParameter("status", Status.DRAFT.name()).executeUpdate();
        String set = switch (status) {
            case DRAFT -> "disusun_oleh = NULL, disusun_nama = NULL, disusun_pada = NULL, "
                    + "dievaluasi_oleh = NULL, dievaluasi_nama = NULL, dievaluasi_pada = NULL";
            case DISUSUN -> "disusun_oleh = :oleh, disusun_nama = :nama, disusun_pada = now(), "
                    + "dievaluasi_oleh = NULL, dievaluasi_nama = NULL, dievaluasi_pada = NULL";
            case DIEVALUASI -> "dievaluasi_oleh = :oleh, dievaluasi_nama = :nama, dievaluasi_pada = now()";
        };
        var q = em.createNativeQuery("UPDATE evaluasi SET status = :status, updated_at = now(), " + set
                + " WHERE pemda = :pemda AND tahun = :tahun AND opd = :opd AND triwulan = :triwulan")
                .setParameter("pemda", dpa.pemda()).setParameter("tahun", dpa.tahun()).setParameter("opd", dpa.opd())
                .setParameter("triwulan", triwulan).setParameter("status", status.name());
        if (status != Status.DRAFT) {
            q.setParameter("oleh", oleh).setParameter("nama", nama);
        }
        q.executeUpdate();
    }

    private Row read(DpaRef dpa, int triwulan, String lock) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT status, faktor_pendorong, faktor_penghambat, tindak_lanjut_triwulan, tindak_lanjut_renja,
                       disusun_oleh, disusun_nama, disusun_pada, dievaluasi_oleh, dievaluasi_nama, dievaluasi_pada
                FROM evaluasi WHERE pemda = :pemda AND tahun = :tahun AND opd = :opd AND triwulan = :triwulan""" + lock,
                Object[].class)
                .setParameter("pemda", dpa.pemda()).setParameter("tahun", dpa.tahun()).setParameter("opd", dpa.opd())
                .setParameter("triwulan", triwulan).getResultList();
        if (rows.isEmpty()) {
            return Row.EMPTY;
        }
        Object[] r = rows.get(0);
        return new Row(Status.valueOf((String) r[0]),
                new Catatan((String) r[1], (String) r[2], (String) r[3], (String) r[4]),
                r[5] == null ? null : new Tanda((String) r[5], (String) r[6], time(r[7])),
                r[8] == null ? null : new Tanda((String) r[8], (String) r[9], time(r[10])));
    }

    private static Instant instant(Object t) {
        OffsetDateTime o = time(t);
        return o == null ? null : o.toInstant();
    }

    private static OffsetDateTime time(Object t) {
        if (t == null) {
            return null;
        }
        if (t instanceof OffsetDateTime o) {
            return o.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (t instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (t instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected time " + t.getClass());
    }
}
