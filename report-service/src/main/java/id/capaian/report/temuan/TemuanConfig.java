package id.capaian.report.temuan;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/** How the audit judges whether an indicator's numbers are plausible. */
@ConfigMapping(prefix = "capaian.audit")
public interface TemuanConfig {

    /** A capaian fisik above this many percent is flagged as implausible (a typo, a wrong target). 300 by default. */
    @WithDefault("300")
    BigDecimal batasCapaianWajar();
}
