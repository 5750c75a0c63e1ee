package id.capaian.report.kunci;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Who may read the reports. */
@ConfigMapping(prefix = "capaian.reports")
public interface ReportsConfig {

    /**
     * Reports of a locked (final) pemda-year, or of a locked OPD of it, may be read without a token (the public,
     * the DPRD's website); drafts never are. Off unless the pemda decides to publish.
     */
    @WithDefault("false")
    boolean publicWhenLocked();
}
