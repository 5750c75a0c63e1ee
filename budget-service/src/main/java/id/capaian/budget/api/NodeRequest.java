package id.capaian.budget.api;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NodeRequest", description = "A node of the DPA: program, kegiatan or sub kegiatan (an urusan only for its "
        + "name). Only a sub kegiatan has a pagu, and there it is required; paguMurni likewise, optional.")
public record NodeRequest(
        @Schema(required = true, description = "Nomenclature code; its number of parts gives the level",
                example = "2.08.02.2.01.0003") String kode,
        @Schema(required = true, description = "Name, not blank", example = "Advokasi Kebijakan dan Pendampingan Pelaksanaan PUG termasuk PPRG")
        String uraian,
        @Schema(description = "Pagu in force (rupiah, >= 0, at most 2 decimals, < 10^15); sub kegiatan only",
                example = "73810300.00") BigDecimal pagu,
        @Schema(description = "Pagu murni, the ceiling in the original APBD (rupiah); sub kegiatan only. Absent: a new "
                + "node takes its pagu, a stored node keeps its own (an amendment changes only pagu)",
                example = "73810300.00") BigDecimal paguMurni,
        @Schema(description = "The node's Renstra money (program, kegiatan or sub kegiatan). Absent: the stored values "
                + "stay; sent: both are set (null clears)") RenstraRequest renstra) {
}
