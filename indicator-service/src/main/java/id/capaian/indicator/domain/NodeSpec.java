package id.capaian.indicator.domain;

import id.capaian.core.domain.Kode;
import java.util.List;

/** A node's complete, validated indicator list: item i becomes nomor i + 1. */
public record NodeSpec(Kode kode, List<IndikatorSpec> indikator) {
}
