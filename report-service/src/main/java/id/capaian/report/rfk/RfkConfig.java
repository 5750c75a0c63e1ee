package id.capaian.report.rfk;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/** How the RFK's audit judges spending against the cash plan. */
@ConfigMapping(prefix = "capaian.rfk")
public interface RfkConfig {

    /**
     * Spending ahead of plan by more than this share of the plan is a finding: realisasi > rencana × (1 + x).
     * 0.10 (10 %) by default.
     */
    @WithDefault("0.10")
    BigDecimal ambangRealisasiDiAtasRencana();
}
