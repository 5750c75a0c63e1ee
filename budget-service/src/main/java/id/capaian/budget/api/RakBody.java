package id.capaian.budget.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.capaian.budget.domain.RakSpec;
import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Rules;
import id.capaian.core.domain.Violations;
import id.capaian.core.problem.ProblemException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a cash plan body as a JSON tree (amounts as exact decimals), so that a missing, null, textual or
 * over-precise amount is a 422 naming its item ({@code bulan[3]}, {@code [2].bulan[4]}) rather than a 400 of
 * the whole body. What cannot be read at all (not JSON, not an object, unknown fields) is still a 400.
 */
final class RakBody {

    /** One item of a bulk body as sent: {@code bulan} the JSON node (null when absent). */
    record Item(String kode, JsonNode bulan) {
    }

    private RakBody() {
    }

    /** {@code {"bulan": [...]}}: the plan of the sub kegiatan of the path, every fault at once. */
    static RakSpec single(ObjectMapper json, String body, Kode kode) {
        JsonNode tree = tree(json, body);
        if (!tree.isObject()) {
            throw ProblemException.badRequest("body", "diharapkan {\"bulan\": [12 jumlah]}");
        }
        known(tree, "");
        Violations v = new Violations();
        List<BigDecimal> plan = plan(v, "bulan", tree.get("bulan"));
        v.throwIfAny();
        return new RakSpec(kode, plan);
    }

    /** The items of a bulk body (fields {@code [i].kode}), one spec each when {@code v} records no fault. */
    static List<RakSpec> toSpecs(Violations v, List<Item> items) {
        Fields.Unique codes = new Fields.Unique();
        List<RakSpec> specs = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String f = "[" + i + "]";
            Item item = items.get(i);
            if (v.check(item != null, f, "wajib diisi")) {
                Kode k = Fields.subKegiatan(v, f + ".kode", Fields.kode(v, f + ".kode", item.kode()), "RAK");
                k = codes.once(v, f + ".kode", k, i);
                specs.add(new RakSpec(k, plan(v, f + ".bulan", item.bulan())));
            }
        }
        return specs;
    }

    /** {@code [{"kode", "bulan": [...]}]}: the items as sent, null for a null one. */
    static List<Item> bulk(ObjectMapper json, String body) {
        JsonNode tree = tree(json, body);
        if (!tree.isArray()) {
            throw ProblemException.badRequest("body", "diharapkan larik [{\"kode\", \"bulan\": [12 jumlah]}]");
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < tree.size(); i++) {
            JsonNode item = tree.get(i);
            String f = "[" + i + "]";
            if (item.isNull()) {
                items.add(null);
                continue;
            }
            if (!item.isObject()) {
                throw ProblemException.badRequest(f, "diharapkan {\"kode\", \"bulan\": [12 jumlah]}");
            }
            known(item, f + ".");
            JsonNode kode = item.get("kode");
            if (kode != null && !kode.isNull() && !kode.isTextual()) {
                throw ProblemException.badRequest(f + ".kode", "tipe salah, diharapkan String");
            }
            items.add(new Item(kode == null || kode.isNull() ? null : kode.asText(), item.get("bulan")));
        }
        return items;
    }

    /**
     * A cash plan as sent: exactly 12 rupiah amounts (each >= 0, at most 2 decimals, below 10^15), planned spending
     * in each month. Every fault is recorded under {@code field} or {@code field[i]}; null when any.
     */
    private static List<BigDecimal> plan(Violations v, String field, JsonNode bulan) {
        if (bulan == null || bulan.isMissingNode() || bulan.isNull()) {
            v.add(field, "wajib diisi: larik 12 jumlah rupiah, rencana belanja tiap bulan Januari sampai Desember");
            return null;
        }
        if (!bulan.isArray()) {
            v.add(field, "harus larik 12 jumlah rupiah (Januari sampai Desember), bukan " + kind(bulan));
            return null;
        }
        if (bulan.size() != 12) {
            v.add(field, "harus tepat 12 jumlah (Januari sampai Desember); diterima " + bulan.size());
            return null;
        }
        List<BigDecimal> plan = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < 12; i++) {
            JsonNode x = bulan.get(i);
            String f = field + "[" + i + "]";
            BigDecimal amount = null;
            if (x.isNull()) {
                v.add(f, "wajib diisi (0 bila tidak ada rencana belanja bulan itu)");
            } else if (!x.isNumber()) {
                v.add(f, "harus angka rupiah, bukan " + kind(x));
            } else {
                amount = Rules.rupiah(v, f, x.decimalValue());
            }
            ok &= amount != null;
            plan.add(amount);
        }
        return ok ? List.copyOf(plan) : null;
    }

    private static String kind(JsonNode x) {
        if (x.isTextual()) {
            return "teks";
        }
        if (x.isBoolean()) {
            return "boolean";
        }
        if (x.isObject()) {
            return "objek";
        }
        return x.isArray() ? "larik" : x.getNodeType().name().toLowerCase();
    }

    private static JsonNode tree(ObjectMapper json, String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("body", "isi permintaan wajib ada");
        }
        try {
            JsonNode tree = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw ProblemException.badRequest("body", "isi permintaan wajib ada");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("body", "bukan JSON yang sah: " + e.getOriginalMessage());
        }
    }

    private static void known(JsonNode object, String prefix) {
        Set<String> allowed = prefix.isEmpty() ? Set.of("bulan") : Set.of("kode", "bulan");
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ProblemException.badRequest(prefix + name, "isian tidak dikenal: " + name);
            }
        }
    }
}
