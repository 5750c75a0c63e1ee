package id.capaian.report.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.capaian.core.problem.Problem.FieldError;
import id.capaian.core.problem.ProblemException;
import id.capaian.report.owners.BudgetClient;
import id.capaian.report.owners.IndicatorClient;
import id.capaian.report.owners.OwnerFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ProcessingException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Compares the read model's entity states of a pemda-year with the owners' current states (their {@code keadaan}):
 * every subject an owner has must be held with the owner's version and the same data (numbers by value; two
 * removed states agree whatever else they say), none may be held that no owner has, and none may be held in an
 * epoch above the owner's current one (its next changes would be ignored: it was restored and not re-published).
 * Unlike {@link Consistency#check()}, which proves the aggregates agree with the entity states, this proves the
 * entity states agree with the owners: what a restore of either side, or a lost event, would break.
 */
@ApplicationScoped
public class OwnerComparison {

    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;
    private static final Map<String, Set<String>> TYPES = Map.of(
            BudgetClient.SERVICE, Set.of(BudgetLeaf.TYPE),
            IndicatorClient.SERVICE, Set.of(IndicatorState.TYPE, ProgresState.TYPE));

    /** One subject on which the read model and an owner disagree, and how. */
    public record OwnerDifference(String owner, String subject, String reason) {
    }

    /** The comparison of a pemda-year: consistent when no subject differs. */
    public record OwnerCheck(String pemda, int tahun, boolean consistent, int subjectsChecked,
            List<OwnerDifference> differences) {
    }

    @Inject EntityManager em;
    @Inject ObjectMapper json;
    @Inject @RestClient BudgetClient budget;
    @Inject @RestClient IndicatorClient indicator;

    private record Held(long epoch, long version, JsonNode data, String type) {
    }

    public OwnerCheck compare(String pemda, int tahun) {
        // the owners first, then the read model: a change in between shows at most as a difference that the
        // next check no longer reports (the read model catches up), never as agreement that is not there
        JsonNode budgetState = ask(BudgetClient.SERVICE, () -> budget.keadaan(pemda, tahun));
        JsonNode indicatorState = ask(IndicatorClient.SERVICE, () -> indicator.keadaan(pemda, tahun));
        Map<String, Held> held = held(pemda, tahun);
        List<OwnerDifference> differences = new ArrayList<>();
        int checked = compare(BudgetClient.SERVICE, budgetState, held, differences)
                + compare(IndicatorClient.SERVICE, indicatorState, held, differences);
        return new OwnerCheck(pemda, tahun, differences.isEmpty(), checked, differences);
    }

    private int compare(String owner, JsonNode state, Map<String, Held> held, List<OwnerDifference> out) {
        long ownerEpoch = state.path("epoch").asLong(1);
        Set<String> types = TYPES.get(owner);
        Set<String> seen = new TreeSet<>();
        int checked = 0;
        for (JsonNode s : state.path("subjek")) {
            String subject = s.path("subject").asText();
            seen.add(subject);
            checked++;
            Held h = held.get(subject);
            long version = s.path("version").asLong();
            if (h == null || h.version == 0) {
                out.add(new OwnerDifference(owner, subject, "tidak ada di read model (pemilik: v" + version + ")"));
            } else if (h.epoch > ownerEpoch) {
                out.add(new OwnerDifference(owner, subject, "epoch read model " + h.epoch + " di atas epoch pemilik " + ownerEpoch
                        + ": pemilik dipulihkan dan belum dipublikasikan ulang, perubahannya berikut diabaikan"));
            } else if (h.version != version) {
                out.add(new OwnerDifference(owner, subject, "versi read model v" + h.version + ", pemilik v" + version));
            } else if (!same(s.path("data"), h.data)) {
                out.add(new OwnerDifference(owner, subject, "data berbeda pada v" + version + ": pemilik " + s.path("data")
                        + ", read model " + h.data));
            }
        }
        held.forEach((subject, h) -> {
            if (h.version > 0 && types.contains(h.type()) && !seen.contains(subject) && !removed(h.data)) {
                out.add(new OwnerDifference(owner, subject, "ada di read model (v" + h.version + ") tetapi tidak di pemilik"));
            }
        });
        return checked;
    }

    static boolean same(JsonNode owner, JsonNode held) {
        if (removed(owner) && removed(held)) {
            return true;
        }
        // both read by the application's mapper (numbers as BigDecimal), compared by value: 5 equals 5.00
        return owner.equals(BY_VALUE, held);
    }

    private static boolean removed(JsonNode data) {
        return data != null && data.path("removed").asBoolean(false);
    }

    /** The read model's states of the pemda-year, in one statement (one snapshot). */
    @Transactional
    Map<String, Held> held(String pemda, int tahun) {
        Map<String, Held> out = new TreeMap<>();
        for (Object o : em.createNativeQuery("""
                SELECT subject, epoch, version, CAST(data AS text), type FROM entity_state
                WHERE subject LIKE ?1 ESCAPE '\\'""")
                .setParameter(1, ReadModel.subjectsStartingWith(pemda + "/" + tahun + "/")).getResultList()) {
            Object[] r = (Object[]) o;
            out.put((String) r[0], new Held(((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                    ReadModel.parse(json, (String) r[3]), (String) r[4]));
        }
        return out;
    }

    private static JsonNode ask(String service, Supplier<JsonNode> call) {
        String cause;
        try {
            return call.get();
        } catch (OwnerFailure f) {
            if (OwnerFailure.PASSED_ON.contains(f.status())) {
                throw new ProblemException(f.status(), f.slug(), service + " menolak", service + ": " + f.ownerDetail(),
                        List.of(new FieldError(service, String.valueOf(f.ownerDetail()))));
            }
            cause = "menjawab " + f.status() + (f.ownerDetail() == null ? "" : ": " + f.ownerDetail());
        } catch (ProcessingException e) {
            cause = "tidak dapat dihubungi: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        }
        throw new ProblemException(502, "layanan-gagal", "Keadaan " + service + " tidak dapat dibaca",
                service + " " + cause + ". Read model tidak dapat dibandingkan; ulangi setelah layanan itu pulih.",
                List.of(new FieldError(service, "keadaan tidak dapat dibaca")));
    }
}
