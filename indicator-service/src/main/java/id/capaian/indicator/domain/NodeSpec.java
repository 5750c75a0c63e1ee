package id.capaian.indicator.domain;

import id.capaian.core.domain.Kode;
import java.util.List;

/**
 * A node's complete, validated state as the nodes PUT states it: its indicator list (item i becomes
 * nomor i + 1) and its sasaran (programs only; null: none).
 */
public record NodeSpec(Kode kode, List<IndikatorSpec> indikator, String sasaran) {
}
