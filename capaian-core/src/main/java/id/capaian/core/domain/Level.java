package id.capaian.core.domain;

/** A node's place in the plan tree; it follows from the number of parts of its code. */
public enum Level {
    URUSAN(2), PROGRAM(3), KEGIATAN(5), SUB_KEGIATAN(6);

    private final int parts;

    Level(int parts) {
        this.parts = parts;
    }

    public int parts() {
        return parts;
    }

    public static Level ofParts(int parts) {
        for (Level l : values()) {
            if (l.parts == parts) {
                return l;
            }
        }
        return null;
    }
}
