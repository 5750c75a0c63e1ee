package id.capaian.indicator.domain;

/**
 * How an indicator's monthly values (each to the end of its month) add up over the year, as the
 * Evaluasi Renja form reads them (shared/EVALUASI-RENJA.md, "Quarters"): {@link #JUMLAH} for things
 * counted (documents, people, events: a quarter is what was achieved in it), {@link #AKHIR} for levels
 * (percentages, indices, rates: a quarter is its latest value). A negatif indicator is always AKHIR.
 */
public enum Agregasi {
    JUMLAH, AKHIR;

    public static final Agregasi DEFAULT = AKHIR;

    public String json() {
        return name().toLowerCase();
    }

    /** From its JSON form, "jumlah" or "akhir"; anything else is refused. */
    public static Agregasi of(String value) {
        for (Agregasi a : values()) {
            if (a.json().equals(value)) {
                return a;
            }
        }
        throw new IllegalArgumentException("agregasi '" + value + "' tidak dikenal: 'jumlah' atau 'akhir'");
    }
}
