package id.capaian.report.readmodel;


import com.fasterxml.jackson.databind.JsonNode;
import id.capaian.core.domain.DpaRef;
import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Polaritas;
import id.capaian.core.domain.RumusNegatif;
import java.math.BigDecimal;

/** An indicator as its latest indicator.realization-updated event states it. */
public record IndicatorState(DpaRef dpa, Kode kode, int nomor, String nama, String satuan, Polaritas polaritas,
        RumusNegatif rumus, BigDecimal target, BigDecimal[] realisasi, boolean removed) {

    public static final String TYPE = "indicator.realization-updated";

    public static IndicatorState from(JsonNode d) {
        Kode kode = Kode.parse(Fields.text(d, "kode"))
                .orElseThrow(() -> new IllegalArgumentException("kode is malformed"));
        int nomor = d.path("nomor").asInt(0);
        if (nomor < 1) {
            throw new IllegalArgumentException("nomor must be a positive integer");
        }
        boolean removed = d.path("removed").asBoolean(false);
        String rumus = Fields.optionalText(d, "rumus");
        return new IndicatorState(Fields.dpa(d), kode, nomor, Fields.optionalText(d, "nama"),
                Fields.optionalText(d, "satuan"),
                removed ? null : Polaritas.of(Fields.text(d, "polaritas")),
                rumus == null ? null : RumusNegatif.of(rumus),
                d.path("target").isNumber() ? d.get("target").decimalValue() : null,
                Monthly.asOf(d.get("bulanan"), "nilai", null), removed);
    }
}
