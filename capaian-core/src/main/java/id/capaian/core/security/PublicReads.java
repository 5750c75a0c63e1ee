package id.capaian.core.security;

/**
 * Implemented by a service that publishes some reads to anonymous callers (report-service: the reports
 * of a locked year, when configured). Without an implementation nothing is public.
 */
public interface PublicReads {

    boolean isPublic(String pemda, String tahun, String opd);
}
