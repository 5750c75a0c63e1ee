package id.capaian.core.audit;

/**
 * One changed entity, for the audit trail: the action ({@code pagu.ubah}, {@code kunci.pasang}, …), its
 * scope, the node it concerns (if any), what was changed ({@code node}, {@code realisasi/12}, …) and
 * the values before and after (null when created or removed), serialized as JSON.
 */
public record Change(String aksi, String pemda, int tahun, String opd, String kode, String entitas,
        Object sebelum, Object sesudah) {
}
