package id.capaian.report.tenant;

/** One agency's plan of one year in one region: the tenant of every row. */
public record Dpa(String pemda, int tahun, String opd) {
}
