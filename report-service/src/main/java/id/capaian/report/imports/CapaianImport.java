package id.capaian.report.imports;

import id.capaian.core.domain.DpaRef;
import id.capaian.core.security.Callers;
import id.capaian.report.owners.BudgetClient;
import id.capaian.report.owners.BudgetImportClient;
import id.capaian.report.owners.IndicatorClient;
import id.capaian.report.owners.IndicatorImportClient;
import id.capaian.report.owners.OwnerFailure;

import id.capaian.core.domain.Level;
import id.capaian.core.problem.Problem.FieldError;
import id.capaian.core.problem.ProblemException;
import id.capaian.report.imports.ImportPlan.Baris;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Imports a capaian table (LKPJ chapter III) of one OPD-year, all or nothing across both owners: refuses a locked
 * year (409), validates the whole file, then asks indicator-service to judge its whole part by its OWN rules without
 * writing ({@code PUT .../impor?dryRun=true}); only when it accepts, it records the import (table import_run) together
 * with indicator-service's part, then writes budget-service's bundle (nodes with pagu murni, RAK, realisasi of the
 * month: one owner transaction), then indicator-service's (indicator lists with {@code lainnya=pertahankan},
 * realisasi, progres: one owner transaction), each with the caller's own token (each owner checks it and audits its
 * rows as that caller). Then it records the stated totals that the report owns and one audit entry.
 *
 * <p>budget-service gets no dry run: a dry run costs as much as the write, and budget-service's write comes before
 * any other and is one transaction, so when it refuses (passed on as before) nothing is written anywhere; the import
 * is recorded as GAGAL with the refusal.
 *
 * <p>When indicator-service cannot take its part after budget-service committed (unreachable, or a 5xx), the import
 * is COMPLETED, never undone: the answer is 202 with status MENUNGGU naming what is written and what is pending, and
 * {@link ImportRetrier} writes the stored part with backoff (owner writes are idempotent PUTs of the full state).
 * Indicators the file does not name are never removed: they are kept as they are, and the answer lists them.
 */
@ApplicationScoped
public class CapaianImport {

    private static final Logger LOG = Logger.getLogger(CapaianImport.class);
    private static final Pattern INDEX = Pattern.compile("^(?:nodes|rak|realisasi|progres)?(?:\\[\\d+\\]\\.items)?\\[(\\d+)\\]");

    @Inject @RestClient BudgetImportClient budget;
    @Inject @RestClient IndicatorImportClient indicator;
    @Inject ImportStated stated;
    @Inject ImportRuns runs;
    @Inject ImportRetrier retrier;
    @Inject ImportLimits limits;
    @Inject Callers callers;

    /** The one write path of an import. {@code dpa} and {@code bulan} are already checked. */
    public ImportResult importCapaian(DpaRef dpa, int bulan, Tabel tabel, String authorization) {
        stated.ensureOpen(dpa);
        ImportPlan plan = ImportValidator.validate(tabel, limits.maxErrors());
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
        List<Baris> withRak = leaves.stream().filter(b -> b.rak() != null).toList();
        List<Baris> withProgres = leaves.stream().filter(b -> b.progres() != null).toList();
        long t0 = System.nanoTime();

        BudgetImportClient.Bundle budgetPart = new BudgetImportClient.Bundle(
                nodes.stream().map(b -> new BudgetClient.Node(b.kode().value(), b.uraian(),
                        b.level() == Level.SUB_KEGIATAN ? b.pagu() : null,
                        b.level() == Level.SUB_KEGIATAN ? b.paguMurni() : null,
                        b.renstra() == null ? null : new BudgetClient.Renstra(b.renstra().pagu(),
                                b.renstra().realisasiSebelumnya()))).toList(),
                withRak.stream().map(b -> new BudgetClient.Rak(b.kode().value(), List.of(b.rak()))).toList(),
                List.of(new BudgetImportClient.Month(bulan,
                        leaves.stream().map(b -> new BudgetClient.Realisasi(b.kode().value(), b.realisasi())).toList())));
        IndicatorImportClient.Bundle indicatorPart = new IndicatorImportClient.Bundle(
                nodes.stream().map(CapaianImport::indicatorNode).toList(),
                realisasiFisik.isEmpty() ? List.of() : List.of(new IndicatorImportClient.RealisasiMonth(bulan, realisasiFisik)),
                withProgres.isEmpty() ? List.of() : List.of(new IndicatorImportClient.ProgresMonth(bulan, withProgres.stream()
                        .map(b -> new IndicatorClient.Progres(b.kode().value(), b.progres())).toList())));
        Sent budgetRows = new Sent(nodes, withRak, leaves, List.of(), List.of());
        Sent indicatorRows = new Sent(nodes, List.of(), withRealisasiFisik, withProgres, List.of());

        // 1. indicator-service judges its whole part by its own rules; nothing is written anywhere yet. budget-service
        //    needs no dry run: its write (3.) comes first and is all or nothing, so its refusal writes nothing anywhere.
        IndicatorImportClient.Answer judged = call(IndicatorClient.SERVICE, "PUT impor?dryRun=true", indicatorRows, List.of(),
                () -> indicator.impor(dpa.pemda(), dpa.tahun(), dpa.opd(), true, KEEP, authorization, indicatorPart));

        // 2. The import and indicator-service's part are recorded before any owner write.
        UUID id = runs.start(dpa, bulan, callers.current().subject(), indicatorPart);
        ImportResult result = new ImportResult(dpa.pemda(), dpa.tahun(), dpa.opd(), bulan,
                new ImportResult.Counts(plan.count(Level.PROGRAM), plan.count(Level.KEGIATAN),
                        plan.count(Level.SUB_KEGIATAN), plan.indikatorCount()),
                new ImportResult.Totals(plan.totalPagu(), plan.totalRealisasi()), kept(nodes, judged));

        // 3. budget-service's part, one owner transaction: written, or refused with nothing written.
        try {
            call(BudgetClient.SERVICE, "PUT impor", budgetRows, List.of(),
                    () -> budget.impor(dpa.pemda(), dpa.tahun(), dpa.opd(), false, authorization, budgetPart));
        } catch (ProblemException e) {
            runs.end(id, ImportRuns.GAGAL, null, e.problem().detail());
            throw e;
        }
        List<String> written = List.of(BudgetClient.SERVICE);

        // 4. indicator-service's part, one owner transaction; if it cannot take it now, it is completed later.
        IndicatorImportClient.Answer live;
        try {
            live = indicator.impor(dpa.pemda(), dpa.tahun(), dpa.opd(), false, KEEP, authorization, indicatorPart);
        } catch (OwnerFailure f) {
            if (f.status() < 500) {
                ProblemException e = refusal(f, "PUT impor", indicatorRows, written);
                runs.end(id, ImportRuns.GAGAL, result.with(id, ImportRuns.GAGAL, written, List.of()), e.problem().detail());
                stated.record(dpa, plan, result.with(id, ImportRuns.GAGAL, written, List.of()));
                throw e;
            }
            return pending(dpa, plan, id, result, authorization, IndicatorClient.SERVICE + " menjawab " + f.status()
                    + (f.ownerDetail() == null ? "" : ": " + f.ownerDetail()));
        } catch (ProcessingException e) {
            return pending(dpa, plan, id, result, authorization, IndicatorClient.SERVICE + " tidak dapat dihubungi: "
                    + (e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage()));
        }
        ImportResult done = result.with(id, ImportRuns.SELESAI, List.of(BudgetClient.SERVICE, IndicatorClient.SERVICE), List.of());
        done = new ImportResult(done.pemda(), done.tahun(), done.opd(), done.bulan(), done.counts(), done.totals(),
                kept(nodes, live), id, done.status(), done.ditulis(), done.tertunda());
        runs.end(id, ImportRuns.SELESAI, done, null);
        stated.record(dpa, plan, done);
        LOG.infof("imported %d rows into %s/%d/%s for bulan %d in %d ms", plan.rows().size(), dpa.pemda(), dpa.tahun(),
                dpa.opd(), bulan, (System.nanoTime() - t0) / 1_000_000);
        return done;
    }

    static final String KEEP = "pertahankan";

    /** budget-service has committed, indicator-service's part waits (stored) for the retrier: answered 202. */
    private ImportResult pending(DpaRef dpa, ImportPlan plan, UUID id, ImportResult result, String authorization, String cause) {
        ImportResult waiting = result.with(id, ImportRuns.MENUNGGU, List.of(BudgetClient.SERVICE), List.of(IndicatorClient.SERVICE));
        runs.pending(id, waiting, cause + ". Bagian indicator-service disimpan dan dicoba lagi otomatis.",
                limits.retry().initialDelay());
        retrier.remember(id, authorization);
        stated.record(dpa, plan, waiting);
        LOG.warnf("import %s into %s/%d/%s: budget-service written, indicator-service pending (%s)", id, dpa.pemda(),
                dpa.tahun(), dpa.opd(), cause);
        return waiting;
    }

    /** The live indicators beyond the ones the file names: kept as they are. */
    private static List<ImportResult.Dipertahankan> kept(List<Baris> nodes, IndicatorImportClient.Answer answer) {
        java.util.Map<String, Integer> named = new java.util.HashMap<>();
        nodes.forEach(b -> named.put(b.kode().value(), b.indikator().size()));
        List<ImportResult.Dipertahankan> kept = new ArrayList<>();
        List<IndicatorClient.Hidup> live = answer == null || answer.indikator() == null ? List.of() : answer.indikator();
        for (IndicatorClient.Hidup h : live) {
            if (h.nomor() > named.getOrDefault(h.kode(), 0)) {
                kept.add(new ImportResult.Dipertahankan(h.kode(), h.nomor(), h.nama()));
            }
        }
        return List.copyOf(kept);
    }

    /** The node's indicators in file order (nomor 1, 2, …) as its complete list; a node without one clears it. */
    private static IndicatorClient.Node indicatorNode(Baris b) {
        return new IndicatorClient.Node(b.kode().value(), b.sasaran(), b.indikator().stream()
                .map(i -> new IndicatorClient.Indikator(i.nama(), i.satuan(), i.polaritas(), i.rumus(), i.target(),
                        i.agregasi(), i.renstraTarget() == null && i.renstraSebelumnya() == null ? null
                                : new IndicatorClient.Renstra(i.renstraTarget(), i.renstraSebelumnya())))
                .toList());
    }

    /** The rows behind each part of a bundle, to name the file's row of an owner's fault. */
    record Sent(List<Baris> nodes, List<Baris> rak, List<Baris> realisasi, List<Baris> progres, List<Baris> none) {

        List<Baris> of(String field) {
            if (field.startsWith("rak")) {
                return rak;
            }
            if (field.startsWith("realisasi")) {
                return realisasi;
            }
            if (field.startsWith("progres")) {
                return progres;
            }
            return nodes;
        }
    }

    private static <T> T call(String service, String what, Sent sent, List<String> written, Supplier<T> write) {
        try {
            return write.get();
        } catch (OwnerFailure f) {
            throw refusal(f, what, sent, written);
        } catch (ProcessingException e) {
            throw unavailable(service, what, e, written);
        }
    }

    private static void call(String service, String what, Sent sent, List<String> written, Runnable write) {
        call(service, what, sent, written, () -> {
            write.run();
            return null;
        });
    }

    private static String retry(List<String> written) {
        return written.isEmpty() ? " Belum ada data yang ditulis."
                : " Sudah ditulis di " + String.join(" dan ", written) + "; kirim ulang berkas yang sama setelah diperbaiki"
                        + " untuk menuntaskan impor (aman, idempoten).";
    }

    /**
     * Owner refused: its 401, 403 and 409 (the token, the caller's scope, a locked year) are the client's to
     * act on, so they come back with the same status and the owner's problem type, naming the owner; 422
     * when it judged the data; else 502. Always with the owner's own details, each naming the file's row.
     */
    static ProblemException refusal(OwnerFailure f, String what, Sent sent, List<String> written) {
        boolean judged = f.status() == 422 || f.status() == 404;
        List<FieldError> errors = new ArrayList<>();
        for (FieldError e : f.errors()) {
            String field = e.field() == null ? "" : e.field();
            Matcher m = INDEX.matcher(field);
            String row = "";
            if (m.find()) {
                int i = Integer.parseInt(m.group(1));
                List<Baris> rows = sent.of(field);
                if (i < rows.size()) {
                    row = " (baris " + rows.get(i).nomor() + ", kode " + rows.get(i).kode() + ")";
                }
            }
            errors.add(new FieldError(f.service() + ": " + e.field(), e.message() + row));
        }
        String owner = f.service() + " menjawab " + f.status() + (f.type() == null ? "" : " " + f.type())
                + (f.title() == null ? "" : " (" + f.title() + ")") + " atas " + what
                + (f.ownerDetail() == null ? "" : ": " + f.ownerDetail()) + ".";
        int omitted = f.errorsOmitted();
        if (OwnerFailure.PASSED_ON.contains(f.status())) {
            return new ProblemException(f.status(), f.slug(), (f.title() == null ? "Ditolak" : f.title()) + " di " + f.service(),
                    owner + retry(written), errors, omitted);
        }
        return judged
                ? new ProblemException(422, "impor-ditolak", "Impor ditolak oleh " + f.service(), owner + retry(written), errors, omitted)
                : new ProblemException(502, "layanan-gagal", "Layanan " + f.service() + " gagal", owner + retry(written), errors, omitted);
    }

    /** Owner unreachable (refused connection, timeout): 503 naming it. */
    static ProblemException unavailable(String service, String what, Exception e, List<String> written) {
        String key = service.replace("-service", "");
        // the REST client extension's property, named by the client's key, only to say where the owner was sought
        String url = ConfigProvider.getConfig().getOptionalValue("quarkus.rest-client." + key + ".url", String.class).orElse("?");
        String cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
        LOG.warnf("%s unreachable at %s during %s: %s", service, url, what, cause);
        return new ProblemException(503, "layanan-tidak-tersedia", "Layanan tidak tersedia",
                service + " tidak dapat dihubungi di " + url + " (" + what + "): " + cause + "." + retry(written),
                List.of(new FieldError(service, "tidak dapat dihubungi")));
    }
}
