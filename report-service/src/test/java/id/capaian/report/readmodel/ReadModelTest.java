package id.capaian.report.readmodel;

import id.capaian.core.domain.DpaRef;
import id.capaian.report.laporan.LaporanService;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.capaian.core.domain.Kode;
import id.capaian.report.readmodel.RealizationEvent;
import id.capaian.testing.LocalInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The incremental aggregates after randomized event sequences, applied in batches as the consumer applies them
 * (duplicates within and across batches, whole batches redelivered, any order, two consumers at once), equal a
 * recomputation from scratch and the sums of the final states.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructure.class)
class ReadModelTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String[] KEGIATAN = {"2.08.02.2.01", "2.08.02.2.02", "2.08.03.2.01"};

    @Inject ReadModel readModel;
    @Inject LaporanService reports;
    @Inject Consistency consistency;
    @Inject jakarta.persistence.EntityManager em;
    @Inject ObjectMapper json;

    @org.junit.jupiter.api.Test
    void theCheckReadsEveryTableInOneReadOnlySnapshot() {
        List<String> settings = QuarkusTransaction.requiringNew().call(() -> {
            assertThat(consistency.check().consistent()).isTrue();
            // check() opened the transaction: whatever it set holds until the end of it
            Object[] r = (Object[]) em.createNativeQuery(
                    "SELECT current_setting('transaction_isolation'), current_setting('transaction_read_only')")
                    .getSingleResult();
            return List.of((String) r[0], (String) r[1]);
        });
        assertThat(settings).containsExactly("repeatable read", "on");
    }

    /**
     * An owner restored from a backup re-publishes in a new epoch: its states replace what is held even with lower
     * versions, and its later changes (same epoch, higher versions) follow; stragglers of the old epoch change nothing.
     */
    @org.junit.jupiter.api.Test
    void aHigherEpochReplacesWhatIsHeldEvenWithALowerVersion() {
        Random rnd = new Random(7);
        String opd = "EPO" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        DpaRef dpa = new DpaRef("63.10", 2024, opd);
        String kode = "2.08.02.2.01.0001";
        String subject = "63.10/2024/" + opd + "/" + kode;
        ObjectNode lost = budgetData(dpa, kode, rnd, false);
        ObjectNode restored = budgetData(dpa, kode, rnd, false);
        ObjectNode next = budgetData(dpa, kode, rnd, false);
        assertThat(apply(event(subject, BudgetLeaf.TYPE, 1, 8, lost))).isTrue();
        assertThat(apply(event(subject, BudgetLeaf.TYPE, 1, 5, restored))).as("lower version, same epoch").isFalse();
        assertThat(apply(event(subject, BudgetLeaf.TYPE, 1764482400, 5, restored))).as("re-published").isTrue();
        assertThat(readModel.held(subject)).isEqualTo(new Version(1764482400, 5));
        assertThat(apply(event(subject, BudgetLeaf.TYPE, 1, 9, lost))).as("a straggler of the old epoch").isFalse();
        assertThat(apply(event(subject, BudgetLeaf.TYPE, 1764482400, 6, next))).as("the next change").isTrue();
        assertThat(readModel.held(subject)).isEqualTo(new Version(1764482400, 6));
        var table = reports.capaian(dpa, Kode.of("2.08"), 12);
        assertThat(table.total().anggaran().pagu()).isEqualByComparingTo(next.get("pagu").decimalValue());
        assertThat(consistency.check().consistent()).isTrue();
    }

    /**
     * The check reads one DPA at a time: OPDs whose codes share a prefix ("X" and "X-B") are told apart, a changed
     * aggregate is found in its own DPA, and aggregates of a DPA without any sub kegiatan state are found too.
     */
    @org.junit.jupiter.api.Test
    void theCheckComparesEachDpaOnItsOwn() {
        Random rnd = new Random(11);
        String opd = "DPA" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String orphan = opd + "-YATIM";
        for (String o : List.of(opd, opd + "-B", opd + "_C")) {
            DpaRef dpa = new DpaRef("63.10", 2024, o);
            for (int leaf = 0; leaf < 4; leaf++) {
                String kode = KEGIATAN[leaf % KEGIATAN.length] + ".%04d".formatted(leaf + 1);
                assertThat(apply(event("63.10/2024/" + o + "/" + kode, BudgetLeaf.TYPE, 1, budgetData(dpa, kode, rnd, false))))
                        .isTrue();
            }
        }
        assertThat(consistency.check().mismatches()).isEmpty();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("UPDATE anggaran SET pagu = pagu + 1 WHERE pemda = '63.10' AND tahun = 2024 "
                        + "AND opd = ?1 AND kode = '2.08.02'").setParameter(1, opd + "-B").executeUpdate();
                em.createNativeQuery("""
                        INSERT INTO anggaran (pemda, tahun, opd, kode, level, uraian, pagu, realisasi, leaves, pagu_murni)
                        VALUES ('63.10', 2024, ?1, '2.08', 'URUSAN', NULL, 5, CAST('{0,0,0,0,0,0,0,0,0,0,0,0}' AS numeric[]), 1, 5)""")
                        .setParameter(1, orphan).executeUpdate();
            });
            Consistency.Report check = consistency.check();
            assertThat(check.consistent()).isFalse();
            assertThat(check.mismatches()).extracting(m -> m.opd() + " " + m.kode())
                    .containsExactlyInAnyOrder(opd + "-B 2.08.02", orphan + " 2.08");
            assertThat(check.mismatches()).filteredOn(m -> m.opd().equals(orphan)).singleElement()
                    .satisfies(m -> assertThat(m.expected()).isEqualTo("null"));
            assertThat(check.mismatchesOmitted()).isZero();
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("UPDATE anggaran SET pagu = pagu - 1 WHERE pemda = '63.10' AND tahun = 2024 "
                        + "AND opd = ?1 AND kode = '2.08.02'").setParameter(1, opd + "-B").executeUpdate();
                em.createNativeQuery("DELETE FROM anggaran WHERE opd = ?1").setParameter(1, orphan).executeUpdate();
            });
        }
        assertThat(consistency.check().consistent()).isTrue();
    }

    @org.junit.jupiter.api.Test
    void aMessageWithoutEpochIsEpochOne() {
        String message = """
                {"specversion": "1.0", "id": "%s", "source": "budget-service", "type": "budget.realization-updated",
                 "time": "2024-05-01T00:00:00Z", "subject": "s", "version": 3, "data": {}}""".formatted(UUID.randomUUID());
        assertThat(RealizationEvent.parse(json, message).at()).isEqualTo(new Version(1, 3));
        assertThat(RealizationEvent.parse(json, message.replace("\"version\": 3", "\"version\": 3, \"epoch\": 4")).at())
                .isEqualTo(new Version(4, 3));
    }

    private boolean apply(RealizationEvent e) {
        return QuarkusTransaction.requiringNew().call(() -> readModel.apply(e));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 2024})
    void randomizedSequencesEndInTheRecomputedState(long seed) throws Exception {
        Random rnd = new Random(seed);
        String opd = "RND" + Math.abs(rnd.nextInt(1_000_000)) + "X" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        DpaRef dpa = new DpaRef("63.10", 2024, opd);
        List<RealizationEvent> events = new ArrayList<>();
        Map<String, ObjectNode> finalState = new HashMap<>();
        for (int leaf = 0; leaf < 12; leaf++) {
            String kode = KEGIATAN[leaf % KEGIATAN.length] + ".%04d".formatted(leaf + 1);
            String subject = "63.10/2024/" + opd + "/" + kode;
            int versions = 1 + rnd.nextInt(6);
            for (int v = 1; v <= versions; v++) {
                ObjectNode data = budgetData(dpa, kode, rnd, v == versions && rnd.nextInt(5) == 0);
                events.add(event(subject, BudgetLeaf.TYPE, v, data));
                finalState.put(subject, data);
            }
        }
        Map<String, ObjectNode> finalIndicators = new java.util.TreeMap<>();
        // indicators of some of the leaves too, some of them removed at the end
        for (int ind = 0; ind < 6; ind++) {
            String kode = KEGIATAN[ind % KEGIATAN.length] + ".%04d".formatted(ind + 1);
            String subject = "63.10/2024/" + opd + "/" + kode + "/1";
            int versions = 1 + rnd.nextInt(4);
            for (int v = 1; v <= versions; v++) {
                ObjectNode data = indicatorData(dpa, kode, rnd, v == versions && rnd.nextInt(4) == 0);
                events.add(event(subject, IndicatorState.TYPE, v, data));
                finalIndicators.put(kode, data);
            }
        }
        // duplicates and replays, then any order
        int n = events.size();
        for (int i = 0; i < n / 2; i++) {
            events.add(events.get(rnd.nextInt(n)));
        }
        Collections.shuffle(events, rnd);
        // cut into batches as polls would return them; some whole batches delivered again (a redelivery after a
        // crash before the commit, or a rewind), in any order
        List<List<RealizationEvent>> batches = new ArrayList<>();
        for (int i = 0; i < events.size(); ) {
            int size = 1 + rnd.nextInt(25);
            batches.add(List.copyOf(events.subList(i, Math.min(events.size(), i + size))));
            i += size;
        }
        int delivered = batches.size();
        for (int i = 0; i < delivered / 3; i++) {
            batches.add(batches.get(rnd.nextInt(delivered)));
        }
        Collections.shuffle(batches, rnd);

        // two consumers at once, each applying whole batches in a transaction of their own
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<Future<?>> done = new ArrayList<>();
        for (List<RealizationEvent> batch : batches) {
            done.add(two.submit(() -> QuarkusTransaction.requiringNew().run(() -> readModel.applyAll(batch))));
        }
        for (Future<?> f : done) {
            f.get();
        }
        two.shutdown();

        Consistency.Report check = consistency.check();
        assertThat(check.mismatches()).isEmpty();
        assertThat(check.consistent()).isTrue();

        BigDecimal pagu = BigDecimal.ZERO;
        BigDecimal realisasi = BigDecimal.ZERO;
        for (ObjectNode d : finalState.values()) {
            if (!d.get("removed").asBoolean()) {
                pagu = pagu.add(d.get("pagu").decimalValue());
                realisasi = realisasi.add(d.get("realisasi").decimalValue());
            }
        }
        if (pagu.signum() > 0 || finalState.values().stream().anyMatch(d -> !d.get("removed").asBoolean())) {
            var table = reports.capaian(dpa, Kode.of("2.08"), 12);
            assertThat(table.total().anggaran().pagu()).isEqualByComparingTo(pagu);
            assertThat(table.total().anggaran().realisasi()).isEqualByComparingTo(realisasi);
        }
        // every indicator as its newest event states it, the removed ones gone
        Map<String, Object> targets = new java.util.TreeMap<>();
        for (Object o : QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT kode, target FROM indikator WHERE pemda = '63.10' AND tahun = 2024 AND opd = ?1")
                .setParameter(1, opd).getResultList())) {
            Object[] r = (Object[]) o;
            targets.put((String) r[0], ((BigDecimal) r[1]).intValue());
        }
        Map<String, Object> expectedTargets = new java.util.TreeMap<>();
        finalIndicators.forEach((kode, d) -> {
            if (!d.get("removed").asBoolean()) {
                expectedTargets.put(kode, d.get("target").asInt());
            }
        });
        assertThat(targets).isEqualTo(expectedTargets);
        // A rebuild from scratch leaves the same numbers.
        consistency.rebuild();
        assertThat(consistency.check().consistent()).isTrue();
    }

    static ObjectNode budgetData(DpaRef dpa, String kode, Random rnd, boolean removed) {
        ObjectNode d = JSON.createObjectNode();
        d.put("pemda", dpa.pemda()).put("tahun", dpa.tahun()).put("opd", dpa.opd()).put("kode", kode)
                .put("uraian", "Sub kegiatan " + kode);
        Kode k = Kode.of(kode);
        d.putObject("kegiatan").put("kode", k.parent().get().value()).put("uraian", "Kegiatan " + k.parent().get());
        d.putObject("program").put("kode", k.at(id.capaian.core.domain.Level.PROGRAM).value()).put("uraian", "Program");
        BigDecimal pagu = BigDecimal.valueOf(rnd.nextInt(2_000_000_000), 2).multiply(BigDecimal.TEN);
        d.put("pagu", pagu.setScale(2));
        ArrayNode bulanan = d.putArray("bulanan");
        BigDecimal cumulative = BigDecimal.ZERO.setScale(2);
        int last = 0;
        for (int m = 1; m <= 12; m++) {
            if (rnd.nextInt(3) == 0) {
                BigDecimal room = pagu.subtract(cumulative);
                cumulative = cumulative.add(room.multiply(BigDecimal.valueOf(rnd.nextInt(50))).movePointLeft(2)
                        .setScale(2, java.math.RoundingMode.DOWN));
                bulanan.addObject().put("bulan", m).put("jumlah", cumulative);
                last = m;
            }
        }
        d.put("realisasi", cumulative);
        if (last > 0) {
            d.put("bulan", last);
        } else {
            d.putNull("bulan");
        }
        d.put("removed", removed);
        return d;
    }

    static ObjectNode indicatorData(DpaRef dpa, String kode, Random rnd, boolean removed) {
        ObjectNode d = JSON.createObjectNode();
        d.put("pemda", dpa.pemda()).put("tahun", dpa.tahun()).put("opd", dpa.opd()).put("kode", kode).put("nomor", 1)
                .put("nama", "Indikator " + kode).put("satuan", "dokumen").put("polaritas", "positif")
                .put("target", rnd.nextInt(100));
        ArrayNode bulanan = d.putArray("bulanan");
        for (int m = 1; m <= 12; m++) {
            if (rnd.nextInt(3) == 0) {
                bulanan.addObject().put("bulan", m).put("nilai", rnd.nextInt(100));
            }
        }
        d.put("removed", removed);
        return d;
    }

    static RealizationEvent event(String subject, String type, long version, ObjectNode data) {
        return event(subject, type, 1, version, data);
    }

    static RealizationEvent event(String subject, String type, long epoch, long version, ObjectNode data) {
        return new RealizationEvent(subject, "test", type, version, epoch, UUID.randomUUID(), Instant.now(), data);
    }
}
