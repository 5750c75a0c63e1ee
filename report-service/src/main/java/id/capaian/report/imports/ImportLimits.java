package id.capaian.report.imports;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The caps that keep a hostile upload from exhausting report-service, and how a pending owner write is retried.
 * Every cap that a file exceeds is refused as a problem naming the cap's configuration key.
 */
@ConfigMapping(prefix = "capaian.import")
public interface ImportLimits {

    /** Lines of a TSV/CSV (blank ones too) or the highest row number of a sheet. */
    @WithDefault("5000")
    int maxRows();

    /** Columns a row may use (a non-blank cell beyond them stops the reading). */
    @WithDefault("64")
    int maxColumns();

    /** Non-blank cells of the whole table. */
    @WithDefault("100000")
    int maxCells();

    /** The most bytes one part of an XLSX (a sheet, the shared strings) may inflate to. */
    @WithDefault("33554432")
    long maxInflatedBytes();

    /** The lowest compressed/inflated ratio of an XLSX part (below it: a zip bomb). */
    @WithDefault("0.01")
    double minInflateRatio();

    /** The most problems a refusal lists; the count of the rest is said in errorsOmitted. */
    @WithDefault("100")
    int maxErrors();

    /** How a plan left pending for an owner (unreachable, or answering 5xx) is completed. */
    Retry retry();

    interface Retry {

        /** How often the retrier looks for due plans. */
        @WithDefault("PT5S")
        Duration interval();

        /** The wait before the first retry; doubled after each failed attempt. */
        @WithDefault("PT5S")
        Duration initialDelay();

        /** The longest wait between two attempts. */
        @WithDefault("PT10M")
        Duration maxDelay();
    }

    /** The caps as a plain value, for the reader. */
    default TabelReader.Limits reading() {
        return new TabelReader.Limits(maxRows(), maxColumns(), maxCells(), maxInflatedBytes(), minInflateRatio());
    }
}
