package id.capaian.core.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether higher (positif) or lower (negatif, e.g. a fertility rate or unmet need) is better. */
public enum Polaritas {
    POSITIF, NEGATIF;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Polaritas of(String value) {
        for (Polaritas p : values()) {
            if (p.json().equals(value)) {
                return p;
            }
        }
        throw new IllegalArgumentException("polaritas harus 'positif' atau 'negatif', bukan '" + value + "'");
    }
}
