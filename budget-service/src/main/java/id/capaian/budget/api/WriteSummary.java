package id.capaian.budget.api;

import id.capaian.budget.domain.DpaService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WriteSummary", description = "What a bulk write did; events = budget.realization-updated messages published")
public record WriteSummary(
        @Schema(example = "47") int created,
        @Schema(example = "0") int updated,
        @Schema(example = "0") int unchanged,
        @Schema(example = "26") int events) {

    static WriteSummary of(DpaService.Summary s) {
        return new WriteSummary(s.created(), s.updated(), s.unchanged(), s.events());
    }
}
