package id.capaian.core.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * An achievement in percent, rounded half-up to 2 decimals, as DESIGN.md defines it. Undefined (empty)
 * when a value is missing or the divisor is zero: shown as "-", never an error or an infinity.
 */
public record Capaian(BigDecimal persen) implements Comparable<Capaian> {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    public Capaian {
        persen = persen.setScale(2, RoundingMode.HALF_UP);
    }

    /** Capaian fisik of an indicator: positif r/t, negatif t/r (default) or (2t − r)/t. */
    public static Optional<Capaian> fisik(Polaritas polaritas, RumusNegatif rumus, BigDecimal target,
            BigDecimal realisasi) {
        if (target == null || realisasi == null || polaritas == null) {
            return Optional.empty();
        }
        if (polaritas == Polaritas.POSITIF) {
            return percent(realisasi, target);
        }
        if (rumus == RumusNegatif.SELISIH) {
            return percent(TWO.multiply(target).subtract(realisasi), target);
        }
        return percent(target, realisasi);
    }

    public static Optional<Capaian> fisik(Polaritas polaritas, BigDecimal target, BigDecimal realisasi) {
        return fisik(polaritas, RumusNegatif.RASIO, target, realisasi);
    }

    /** Capaian keuangan: realisasi anggaran / pagu × 100. */
    public static Optional<Capaian> keuangan(BigDecimal pagu, BigDecimal realisasi) {
        return percent(realisasi, pagu);
    }

    /**
     * Any share in percent, {@code numerator / divisor × 100} with the same single rounding (e.g. a plan's
     * share of its ceiling, a deviation against its plan); undefined when the divisor is 0.
     */
    public static Optional<Capaian> rasio(BigDecimal numerator, BigDecimal divisor) {
        return percent(numerator, divisor);
    }

    private static Optional<Capaian> percent(BigDecimal numerator, BigDecimal divisor) {
        if (numerator == null || divisor == null || divisor.signum() == 0) {
            return Optional.empty();
        }
        // divide() with a scale rounds the exact quotient once: no intermediate rounding.
        return Optional.of(new Capaian(numerator.multiply(HUNDRED).divide(divisor, 2, RoundingMode.HALF_UP)));
    }

    public Predikat predikat() {
        return Predikat.of(persen);
    }

    @JsonValue
    public BigDecimal persen() {
        return persen;
    }

    /** "42,37": the Indonesian form used in reports. */
    public String formatted() {
        return Angka.desimal(persen);
    }

    @Override
    public int compareTo(Capaian o) {
        return persen.compareTo(o.persen);
    }
}
