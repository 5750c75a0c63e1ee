package id.capaian.report.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * A monthly series turned into twelve "as of the end of month m" values: the value of the latest
 * month reported up to m, or {@code empty} before the first report. Month m is index m − 1.
 */
public final class Monthly {

    public static final int MONTHS = 12;

    private Monthly() {
    }

    /** From an event's {@code bulanan} array of {bulan, <field>}. */
    public static BigDecimal[] asOf(JsonNode bulanan, String field, BigDecimal empty) {
        BigDecimal[] reported = new BigDecimal[MONTHS];
        if (bulanan != null && !bulanan.isNull()) {
            if (!bulanan.isArray()) {
                throw new IllegalArgumentException("bulanan must be an array");
            }
            for (JsonNode m : bulanan) {
                int bulan = m.path("bulan").asInt(0);
                if (bulan < 1 || bulan > MONTHS || !m.path(field).isNumber()) {
                    throw new IllegalArgumentException("bulanan entry " + m + " is malformed");
                }
                reported[bulan - 1] = m.get(field).decimalValue();
            }
        }
        BigDecimal[] asOf = new BigDecimal[MONTHS];
        BigDecimal last = empty;
        for (int i = 0; i < MONTHS; i++) {
            if (reported[i] != null) {
                last = reported[i];
            }
            asOf[i] = last;
        }
        return asOf;
    }

    public static BigDecimal[] zeros() {
        BigDecimal[] z = new BigDecimal[MONTHS];
        Arrays.fill(z, BigDecimal.ZERO);
        return z;
    }

    /** PostgreSQL array literal, e.g. {1.00,2.00,NULL}. */
    public static String literal(BigDecimal[] values) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ",").append(values[i] == null ? "NULL" : values[i].toPlainString());
        }
        return b.append('}').toString();
    }

    /** Reads a numeric[] column value as returned by JDBC. */
    public static BigDecimal[] fromSql(Object array) {
        try {
            Object[] raw = array instanceof java.sql.Array a ? (Object[]) a.getArray() : (Object[]) array;
            BigDecimal[] out = new BigDecimal[raw.length];
            for (int i = 0; i < raw.length; i++) {
                out[i] = (BigDecimal) raw[i];
            }
            return out;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
