package id.capaian.indicator.domain;

import id.capaian.core.domain.Polaritas;
import id.capaian.core.domain.RumusNegatif;
import java.math.BigDecimal;

/**
 * A validated indicator as a client states it: everything but its node, number and realizations.
 * {@code renstra} is null when the client gave none (or gave neither of its values).
 */
public record IndikatorSpec(String nama, String satuan, Polaritas polaritas, RumusNegatif rumus, BigDecimal target,
        Agregasi agregasi, Renstra renstra) {
}
