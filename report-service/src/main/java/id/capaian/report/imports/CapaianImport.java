package id.capaian.report.imports;

import id.capaian.report.owners.BudgetClient;
import id.capaian.report.owners.IndicatorClient;
import id.capaian.report.owners.OwnerFailure;

import id.capaian.core.domain.Level;
import id.capaian.core.problem.Problem.FieldError;
import id.capaian.core.problem.ProblemException;
import id.capaian.report.tenant.Dpa;
import id.capaian.report.imports.ImportPlan.Baris;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Imports a capaian table (LKPJ chapter III) of one OPD-year: refuses a locked year (409), validates the
 * whole file (a fault anywhere writes nothing anywhere), then writes through the owners' APIs only, with
 * the caller's own token (each owner checks it and audits its rows as that caller), in this order: budget
 * nodes (with pagu murni), budget cash plans (RAK), budget realisasi, indicator nodes, indicator realisasi,
 * physical progress; then records the stated totals that the
 * report owns and one audit entry for the import. Indicators that the file does not name are never removed:
 * they are kept as they are, and the answer lists them. Every owner write is an idempotent PUT of the full state, so re-importing the same file
 * changes nothing (and the owners publish nothing), and an import that failed halfway is completed by
 * sending the same file again.
 */
@ApplicationScoped
public class CapaianImport {

    private static final Logger LOG = Logger.getLogger(CapaianImport.class);
    private static final Pattern INDEX = Pattern.compile("^[A-Za-z_]*\\[(\\d+)\\]");

    @Inject @RestClient BudgetClient budget;
    @Inject @RestClient IndicatorClient indicator;
    @Inject ImportStated stated;

    /** The one write path of an import. {@code dpa} and {@code bulan} are already checked. */
    public ImportResult importCapaian(Dpa dpa, int bulan, Tabel tabel) {
        stated.ensureOpen(dpa);
        ImportPlan plan = ImportValidator.validate(tabel);
        List<Baris> nodes = plan.sorted();
        List<Baris> leaves = plan.at(Level.SUB_KEGIATAN);
        List<IndicatorClient.Realisasi> realisasiFisik = new ArrayList<>();
        List<Baris> withRealisasiFisik = new ArrayList<>();
        for (Baris b : nodes) {
            for (int i = 0; i < b.indikator().size(); i++) {
                if (b.indikator().get(i).realisasi() != null) {
                    realisasiFisik.add(new IndicatorClient.Realisasi(b.kode().value(), i + 1, b.indikator().get(i).realisasi()));
                    withRealisasiFisik.add(b);
                }
            }
        }
        long t0 = System.nanoTime();

        Progress progress = new Progress();
        call(BudgetClient.SERVICE, "PUT nodes", nodes, progress, () -> budget.putNodes(dpa.pemda(), dpa.tahun(), dpa.opd(),
                nodes.stream().map(b -> new BudgetClient.Node(b.kode().value(), b.uraian(),
                        b.level() == Level.SUB_KEGIATAN ? b.pagu() : null,
                        b.level() == Level.SUB_KEGIATAN ? b.paguMurni() : null,
                        b.renstra() == null ? null : new BudgetClient.Renstra(b.renstra().pagu(),
                                b.renstra().realisasiSebelumnya()))).toList()));
        List<Baris> withRak = leaves.stream().filter(b -> b.rak() != null).toList();
        if (!withRak.isEmpty()) {
            call(BudgetClient.SERVICE, "PUT rak", withRak, progress, () -> budget.putRak(dpa.pemda(), dpa.tahun(),
                    dpa.opd(), withRak.stream().map(b -> new BudgetClient.Rak(b.kode().value(), List.of(b.rak()))).toList()));
        }
        call(BudgetClient.SERVICE, "PUT realisasi/" + bulan, leaves, progress, () -> budget.putRealisasi(dpa.pemda(),
                dpa.tahun(), dpa.opd(), bulan,
                leaves.stream().map(b -> new BudgetClient.Realisasi(b.kode().value(), b.realisasi())).toList()));
        // Indicators the file does not name (added through the API) are kept, and the answer lists them.
        List<ImportResult.Dipertahankan> kept = new ArrayList<>();
        call(IndicatorClient.SERVICE, "PUT nodes", nodes, progress, () -> {
            List<IndicatorClient.Hidup> live = indicator.putNodes(dpa.pemda(), dpa.tahun(), dpa.opd(), "pertahankan",
                    nodes.stream().map(CapaianImport::indicatorNode).toList());
            java.util.Map<String, Integer> named = new java.util.HashMap<>();
            nodes.forEach(b -> named.put(b.kode().value(), b.indikator().size()));
            for (IndicatorClient.Hidup h : live == null ? List.<IndicatorClient.Hidup>of() : live) {
                if (h.nomor() > named.getOrDefault(h.kode(), 0)) {
                    kept.add(new ImportResult.Dipertahankan(h.kode(), h.nomor(), h.nama()));
                }
            }
        });
        if (!realisasiFisik.isEmpty()) {
            call(IndicatorClient.SERVICE, "PUT realisasi/" + bulan, withRealisasiFisik, progress,
                    () -> indicator.putRealisasi(dpa.pemda(), dpa.tahun(), dpa.opd(), bulan, realisasiFisik));
        }
        List<Baris> withProgres = leaves.stream().filter(b -> b.progres() != null).toList();
        if (!withProgres.isEmpty()) {
            call(IndicatorClient.SERVICE, "PUT progres/" + bulan, withProgres, progress, () -> indicator.putProgres(
                    dpa.pemda(), dpa.tahun(), dpa.opd(), bulan, withProgres.stream()
                            .map(b -> new IndicatorClient.Progres(b.kode().value(), b.progres())).toList()));
        }
        ImportResult result = new ImportResult(dpa.pemda(), dpa.tahun(), dpa.opd(), bulan,
                new ImportResult.Counts(plan.count(Level.PROGRAM), plan.count(Level.KEGIATAN),
                        plan.count(Level.SUB_KEGIATAN), plan.indikatorCount()),
                new ImportResult.Totals(plan.totalPagu(), plan.totalRealisasi()), List.copyOf(kept));
        stated.record(dpa, plan, result);
        LOG.infof("imported %d rows into %s/%d/%s for bulan %d in %d ms", plan.rows().size(), dpa.pemda(), dpa.tahun(),
                dpa.opd(), bulan, (System.nanoTime() - t0) / 1_000_000);
        return result;
    }

    /** The node's indicators in file order (nomor 1, 2, …) as its complete list; a node without one clears it. */
    private static IndicatorClient.Node indicatorNode(Baris b) {
        return new IndicatorClient.Node(b.kode().value(), b.sasaran(), b.indikator().stream()
                .map(i -> new IndicatorClient.Indikator(i.nama(), i.satuan(), i.polaritas(), i.rumus(), i.target(),
                        i.agregasi(), i.renstraTarget() == null && i.renstraSebelumnya() == null ? null
                                : new IndicatorClient.Renstra(i.renstraTarget(), i.renstraSebelumnya())))
                .toList());
    }

    /** Whether an owner has accepted a write yet, to tell the client that a retry completes the import. */
    private static final class Progress {
        boolean written;
    }

    private void call(String service, String what, List<Baris> sent, Progress progress, Runnable write) {
        try {
            write.run();
            progress.written = true;
        } catch (OwnerFailure f) {
            throw refusal(f, what, sent, progress.written);
        } catch (ProcessingException e) {
            throw unavailable(service, what, e, progress.written);
        }
    }

    private static String retry(boolean written) {
        return written ? " Sebagian data sudah ditulis; kirim ulang berkas yang sama untuk menuntaskan impor (aman, idempoten)."
                : " Belum ada data yang ditulis.";
    }

    /**
     * Owner refused: its 401, 403 and 409 (the token, the caller's scope, a locked year) are the client's to
     * act on, so they come back with the same status and the owner's problem type, naming the owner; 422
     * when it judged the data; else 502. Always with the owner's own details.
     */
    static ProblemException refusal(OwnerFailure f, String what, List<Baris> sent, boolean written) {
        boolean judged = f.status() == 422;
        List<FieldError> errors = new ArrayList<>();
        for (FieldError e : f.errors()) {
            Matcher m = INDEX.matcher(e.field() == null ? "" : e.field());
            String row = "";
            if (m.find()) {
                int i = Integer.parseInt(m.group(1));
                if (i < sent.size()) {
                    row = " (baris " + sent.get(i).nomor() + ", kode " + sent.get(i).kode() + ")";
                }
            }
            errors.add(new FieldError(f.service() + ": " + e.field(), e.message() + row));
        }
        String owner = f.service() + " menjawab " + f.status() + (f.type() == null ? "" : " " + f.type())
                + (f.title() == null ? "" : " (" + f.title() + ")") + " atas " + what
                + (f.ownerDetail() == null ? "" : ": " + f.ownerDetail()) + ".";
        if (OwnerFailure.PASSED_ON.contains(f.status())) {
            return new ProblemException(f.status(), f.slug(), (f.title() == null ? "Ditolak" : f.title()) + " di " + f.service(),
                    owner + retry(written), errors);
        }
        return judged
                ? new ProblemException(422, "impor-ditolak", "Impor ditolak oleh " + f.service(), owner + retry(written), errors)
                : new ProblemException(502, "layanan-gagal", "Layanan " + f.service() + " gagal", owner + retry(written), errors);
    }

    /** Owner unreachable (refused connection, timeout): 503 naming it. */
    static ProblemException unavailable(String service, String what, Exception e, boolean written) {
        String key = service.replace("-service", "");
        String url = ConfigProvider.getConfig().getOptionalValue("quarkus.rest-client." + key + ".url", String.class).orElse("?");
        String cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
        LOG.warnf("%s unreachable at %s during %s: %s", service, url, what, cause);
        return new ProblemException(503, "layanan-tidak-tersedia", "Layanan tidak tersedia",
                service + " tidak dapat dihubungi di " + url + " (" + what + "): " + cause + "." + retry(written),
                List.of(new FieldError(service, "tidak dapat dihubungi")));
    }
}
