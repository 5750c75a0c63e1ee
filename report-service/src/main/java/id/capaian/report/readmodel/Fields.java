package id.capaian.report.readmodel;


import com.fasterxml.jackson.databind.JsonNode;
import id.capaian.core.domain.DpaRef;
import java.math.BigDecimal;

/** Reading the fields of an event's data, refusing what is missing or of the wrong type. */
final class Fields {

    private Fields() {
    }

    static DpaRef dpa(JsonNode d) {
        JsonNode tahun = d.get("tahun");
        if (tahun == null || !tahun.canConvertToInt()) {
            throw new IllegalArgumentException("tahun must be an integer");
        }
        return new DpaRef(text(d, "pemda"), tahun.asInt(), text(d, "opd"));
    }

    static String text(JsonNode d, String field) {
        JsonNode v = d.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return v.asText();
    }

    static String optionalText(JsonNode d, String field) {
        JsonNode v = d.get(field);
        return v == null || !v.isTextual() ? null : v.asText();
    }

    static BigDecimal amount(JsonNode d, String field) {
        JsonNode v = d.get(field);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number");
        }
        return v.decimalValue().setScale(2, java.math.RoundingMode.UNNECESSARY);
    }
}
