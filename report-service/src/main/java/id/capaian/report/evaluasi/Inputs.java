package id.capaian.report.evaluasi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Polaritas;
import id.capaian.core.domain.RumusNegatif;
import id.capaian.report.evaluasi.EvaluasiForm.Agregasi;
import id.capaian.report.evaluasi.EvaluasiRepository.StateRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The form's inputs as the owners' latest events state them (data v2; a v1 event lacks renstra, agregasi,
 * sasaran and rak, read as null / akhir). Amounts and values are read exactly (BigDecimal: the application's mapper).
 */
final class Inputs {

    /** Renstra figures entered for a node or an indicator: the end-of-period target and the achievement before this year. */
    record Renstra(BigDecimal target, BigDecimal sebelumnya) {

        static final Renstra NONE = new Renstra(null, null);
    }

    /** A node named by a sub kegiatan's event (its kegiatan or program), with its own Renstra Rp. */
    record Parent(Kode kode, String uraian, Renstra renstra) {
    }

    record Budget(Kode kode, String uraian, Parent kegiatan, Parent program, BigDecimal pagu, BigDecimal[] entered,
            Renstra renstra, Instant time) {
    }

    record Indicator(Kode kode, int nomor, String nama, String satuan, Polaritas polaritas, RumusNegatif rumus,
            Agregasi agregasi, BigDecimal target, BigDecimal[] entered, Renstra renstra, String sasaran) {
    }

    final List<Budget> budgets = new ArrayList<>();
    final List<Indicator> indicators = new ArrayList<>();

    private Inputs() {
    }

    static Inputs of(ObjectMapper json, List<StateRow> rows) {
        Inputs in = new Inputs();
        for (StateRow r : rows) {
            JsonNode d = parse(json, r.data());
            if (EvaluasiRepository.TYPES.get(0).equals(r.type())) {
                in.budgets.add(budget(d, r.time()));
            } else {
                in.indicators.add(indicator(d));
            }
        }
        return in;
    }

    private static JsonNode parse(ObjectMapper json, String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException("entity_state holds invalid JSON", e);
        }
    }

    private static Budget budget(JsonNode d, Instant time) {
        Kode kode = Kode.of(d.path("kode").asText());
        Parent kegiatan = parent(d.path("kegiatan"), kode.parent().orElseThrow());
        Parent program = parent(d.path("program"), kegiatan.kode().parent().orElseThrow());
        BigDecimal[] entered = entered(d.get("bulanan"), "jumlah");
        for (int i = 0; i < entered.length; i++) {
            entered[i] = money(entered[i]);
        }
        Renstra r = renstra(d.get("renstra"), "pagu");
        return new Budget(kode, text(d, "uraian"), kegiatan, program, money(number(d, "pagu")), entered,
                new Renstra(money(r.target()), money(r.sebelumnya())), time);
    }

    private static Parent parent(JsonNode n, Kode fallback) {
        Kode k = Kode.parse(text(n, "kode")).orElse(fallback);
        Renstra r = renstra(n.get("renstra"), "pagu");
        return new Parent(k, text(n, "uraian"), new Renstra(money(r.target()), money(r.sebelumnya())));
    }

    private static Indicator indicator(JsonNode d) {
        Polaritas polaritas = Polaritas.of(d.path("polaritas").asText());
        String rumus = text(d, "rumus");
        String agregasi = text(d, "agregasi");
        Agregasi a = polaritas == Polaritas.NEGATIF || agregasi == null ? Agregasi.AKHIR : Agregasi.of(agregasi);
        return new Indicator(Kode.of(d.path("kode").asText()), d.path("nomor").asInt(), text(d, "nama"),
                text(d, "satuan"), polaritas, rumus == null ? null : RumusNegatif.of(rumus), a, number(d, "target"),
                entered(d.get("bulanan"), "nilai"), renstra(d.get("renstra"), "target"), text(d, "sasaran"));
    }

    private static Renstra renstra(JsonNode n, String targetField) {
        if (n == null || !n.isObject()) {
            return Renstra.NONE;
        }
        return new Renstra(number(n, targetField), number(n, "realisasiSebelumnya"));
    }

    /** The value entered for each month (null where nothing was entered). */
    private static BigDecimal[] entered(JsonNode bulanan, String field) {
        BigDecimal[] e = new BigDecimal[12];
        if (bulanan != null && bulanan.isArray()) {
            for (JsonNode m : bulanan) {
                int b = m.path("bulan").asInt(0);
                if (b >= 1 && b <= 12 && m.path(field).isNumber()) {
                    e[b - 1] = m.get(field).decimalValue();
                }
            }
        }
        return e;
    }

    /** Rupiah, exact, scale 2 (the owners send scale 2; a bare 1000000000 becomes 1000000000.00). */
    private static BigDecimal money(BigDecimal v) {
        return v == null ? null : v.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static String text(JsonNode d, String field) {
        JsonNode v = d.get(field);
        return v == null || !v.isTextual() || v.asText().isBlank() ? null : v.asText();
    }

    private static BigDecimal number(JsonNode d, String field) {
        JsonNode v = d.get(field);
        return v == null || !v.isNumber() ? null : v.decimalValue();
    }
}
