package id.capaian.report.readmodel;

/**
 * Where a subject's state stands: the owner's epoch, then the subject's version within the owners' history.
 * Ordered by epoch first: an owner restored from a backup re-publishes in a new epoch, and its events replace
 * what is held even with a lower version. {@link #NONE} precedes every event.
 */
public record Version(long epoch, long version) implements Comparable<Version> {

    public static final Version NONE = new Version(0, 0);

    @Override
    public int compareTo(Version o) {
        int byEpoch = Long.compare(epoch, o.epoch);
        return byEpoch != 0 ? byEpoch : Long.compare(version, o.version);
    }

    public boolean isNewerThan(Version o) {
        return compareTo(o) > 0;
    }

    @Override
    public String toString() {
        return epoch == 1 ? "v" + version : "v" + version + " (epoch " + epoch + ")";
    }
}
