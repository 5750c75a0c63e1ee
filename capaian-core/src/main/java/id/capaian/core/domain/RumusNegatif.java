package id.capaian.core.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How capaian is computed for a negative indicator. {@code rasio}, the default and the seed's
 * convention: target / realisasi × 100. {@code selisih} (PermenPANRB 6/2022):
 * (2 × target − realisasi) / target × 100.
 */
public enum RumusNegatif {
    RASIO, SELISIH;

    @JsonValue
    public String json() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static RumusNegatif of(String value) {
        for (RumusNegatif r : values()) {
            if (r.json().equals(value)) {
                return r;
            }
        }
        throw new IllegalArgumentException("rumus harus 'rasio' atau 'selisih', bukan '" + value + "'");
    }
}
