package id.capaian.report.rfk;

import id.capaian.report.laporan.CapaianTable.Status;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Every OPD of a pemda in one RFK table as of the end of a month, ranked (shared/RFK.md): by pagu-weighted
 * physical progress descending, then realisasi % descending, then OPD code; ranks 1..n without gaps. A
 * missing percentage (pagu 0) ranks after every value.
 */
@Schema(name = "RfkPeringkat", description = "RFK of every OPD of one pemda as of the end of a month, ranked")
public record Peringkat(String pemda, int tahun, int bulan, List<Opd> opd,
        @Schema(description = "Sum over all OPDs") Rfk.Angka total) {

    static final Comparator<Opd> ORDER = Comparator
            .comparing((Opd o) -> o.fisik(), RfkService.descending())
            .thenComparing(o -> o.realisasi().persen(), RfkService.descending())
            .thenComparing(Opd::opd);

    @Schema(name = "RfkPeringkatOpd")
    public record Opd(
            @Schema(example = "1") int peringkat,
            @Schema(example = "P3AP2KB") String opd,
            @Schema(description = "FINAL when the year or this OPD is locked") Status status,
            BigDecimal paguMurni, BigDecimal pagu, Rfk.Nilai rencana, Rfk.Nilai realisasi,
            @Schema(nullable = true, description = "The OPD's physical progress weighted by pagu (%)", example = "57.50") BigDecimal fisik,
            Rfk.Nilai deviasi) {

        static Opd of(int peringkat, String opd, Status status, Rfk.Angka a) {
            return new Opd(peringkat, opd, status, a.paguMurni(), a.pagu(), a.rencana(), a.realisasi(), a.fisik(),
                    a.deviasi());
        }

        Opd ranked(int n) {
            return new Opd(n, opd, status, paguMurni, pagu, rencana, realisasi, fisik, deviasi);
        }
    }
}
