package id.capaian.core.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;

/** The Permendagri 86/2017 evaluation scale of a capaian. */
public enum Predikat {
    SANGAT_TINGGI("Sangat Tinggi", 91), TINGGI("Tinggi", 76), SEDANG("Sedang", 66), RENDAH("Rendah", 51),
    SANGAT_RENDAH("Sangat Rendah", Integer.MIN_VALUE);

    private final String label;
    private final BigDecimal from;

    Predikat(String label, int from) {
        this.label = label;
        this.from = BigDecimal.valueOf(from);
    }

    /** c ≥ 91 Sangat Tinggi, 76 ≤ c < 91 Tinggi, 66 ≤ c < 76 Sedang, 51 ≤ c < 66 Rendah, c < 51 Sangat Rendah. */
    public static Predikat of(BigDecimal capaian) {
        for (Predikat p : values()) {
            if (capaian.compareTo(p.from) >= 0) {
                return p;
            }
        }
        return SANGAT_RENDAH;
    }

    @JsonValue
    public String label() {
        return label;
    }
}
