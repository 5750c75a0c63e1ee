package id.capaian.indicator.api;

import id.capaian.indicator.domain.IndicatorService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WriteSummary", description = "What a bulk write did: months written for the first time (created), "
        + "changed (updated) or already so (unchanged); events = indicator.progres-updated messages published",
        example = "{\"created\": 2, \"updated\": 0, \"unchanged\": 0, \"events\": 2}")
public record WriteSummary(
        @Schema(example = "2") int created,
        @Schema(example = "0") int updated,
        @Schema(example = "0") int unchanged,
        @Schema(example = "2") int events) {

    static WriteSummary of(IndicatorService.Summary s) {
        return new WriteSummary(s.created(), s.updated(), s.unchanged(), s.events());
    }
}
