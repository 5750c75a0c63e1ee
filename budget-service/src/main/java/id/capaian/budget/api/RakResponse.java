package id.capaian.budget.api;

import id.capaian.budget.domain.DpaService;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Rak", description = "The cash plan (rencana anggaran kas) of a sub kegiatan: planned spending in each "
        + "month January..December (not cumulative), their sum and the pagu in force (the sum may differ from it)")
public record RakResponse(
        @Schema(example = "2.08.02.2.01.0003") String kode,
        @Schema(type = SchemaType.ARRAY, implementation = BigDecimal.class, minItems = 12, maxItems = 12,
                description = "12 rupiah amounts, January first",
                example = "[0, 5000000, 5000000, 6000000, 6000000, 6000000, 7000000, 7000000, 7000000, 8000000, 8000000, 8810300]")
        List<BigDecimal> bulan,
        @Schema(example = "73810300.00") BigDecimal jumlah,
        @Schema(example = "73810300.00") BigDecimal pagu) {

    static RakResponse of(DpaService.RakPlan p) {
        return new RakResponse(p.kode().value(), p.bulan(), p.jumlah(), p.pagu());
    }
}
