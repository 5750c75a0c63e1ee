package id.capaian.budget.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.capaian.budget.domain.DpaService;
import id.capaian.core.problem.ProblemException;
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

    private RakBody() {
    }

    /** {@code {"bulan": [...]}}: the {@code bulan} node as sent (null when absent). */
    static JsonNode single(ObjectMapper json, String body) {
        JsonNode tree = tree(json, body);
        if (!tree.isObject()) {
            throw ProblemException.badRequest("body", "diharapkan {\"bulan\": [12 jumlah]}");
        }
        known(tree, "");
        return tree.get("bulan");
    }

    /** {@code [{"kode", "bulan": [...]}]}: one input per item, null for a null item. */
    static List<DpaService.RakInput> bulk(ObjectMapper json, String body) {
        JsonNode tree = tree(json, body);
        if (!tree.isArray()) {
            throw ProblemException.badRequest("body", "diharapkan larik [{\"kode\", \"bulan\": [12 jumlah]}]");
        }
        List<DpaService.RakInput> items = new ArrayList<>();
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
            items.add(new DpaService.RakInput(kode == null || kode.isNull() ? null : kode.asText(), item.get("bulan")));
        }
        return items;
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
