package id.capaian.report.export;

import id.capaian.core.problem.Problem.FieldError;
import id.capaian.core.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The forms a report is served in, and the choice among them: the {@code format} query parameter when
 * given (a convenience for browsers and links), else the {@code Accept} header (RFC 9110 §12.5.1, with
 * q-values and wildcards), else JSON.
 */
public enum Format {
    // Declaration order is the server's preference when the client rates several forms equally.
    JSON("json", "application/json"),
    HTML("html", "text/html"),
    CSV("csv", "text/csv"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    public static final String XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final String key;
    private final String mediaType;

    Format(String key, String mediaType) {
        this.key = key;
        this.mediaType = mediaType;
    }

    public String key() {
        return key;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The Content-Type header value: text forms say their charset. */
    public String contentType() {
        return mediaType.startsWith("text/") ? mediaType + ";charset=UTF-8" : mediaType;
    }

    /**
     * The form to answer with. A {@code format} outside {@code offered} is a 400 naming {@code format};
     * an {@code Accept} that none of {@code offered} satisfies is a 406.
     */
    public static Format choose(String format, String accept, Set<Format> offered) {
        if (format != null && !format.isBlank()) {
            String f = format.strip().toLowerCase(Locale.ROOT);
            for (Format o : values()) {
                if (o.key.equals(f) && offered.contains(o)) {
                    return o;
                }
            }
            throw ProblemException.badRequest("format", "format '" + format + "' tidak tersedia; pilih salah satu: "
                    + keys(offered));
        }
        if (accept == null || accept.isBlank()) {
            return offered.contains(JSON) ? JSON : offered.iterator().next();
        }
        List<Range> ranges = Range.parse(accept);
        Format best = null;
        double bestQ = 0;
        for (Format o : values()) {
            if (!offered.contains(o)) {
                continue;
            }
            double q = quality(o, ranges);
            if (q > bestQ) {
                best = o;
                bestQ = q;
            }
        }
        if (best == null) {
            String detail = "Accept '" + accept + "' tidak dapat dipenuhi; tersedia: "
                    + offered.stream().sorted().map(Format::mediaType).collect(Collectors.joining(", "))
                    + " (atau parameter format=" + keys(offered).replace(", ", "|") + ")";
            throw new ProblemException(406, "format-tidak-tersedia", "Format tidak tersedia", detail,
                    List.of(new FieldError("Accept", detail)));
        }
        return best;
    }

    private static String keys(Set<Format> offered) {
        return offered.stream().sorted().map(Format::key).collect(Collectors.joining(", "));
    }

    /** The q of the most specific range that matches (exact over type/* over *&#47;*), 0 if none. */
    private static double quality(Format f, List<Range> ranges) {
        String[] mt = f.mediaType.split("/");
        int specificity = -1;
        double q = 0;
        for (Range r : ranges) {
            int s;
            if (r.type.equals(mt[0]) && r.subtype.equals(mt[1])) {
                s = 2;
            } else if (r.type.equals(mt[0]) && r.subtype.equals("*")) {
                s = 1;
            } else if (r.type.equals("*") && r.subtype.equals("*")) {
                s = 0;
            } else {
                continue;
            }
            if (s > specificity) {
                specificity = s;
                q = r.q;
            }
        }
        return q;
    }

    private record Range(String type, String subtype, double q) {

        static List<Range> parse(String accept) {
            List<Range> out = new ArrayList<>();
            for (String part : accept.split(",")) {
                String[] p = part.split(";");
                String[] tv = p[0].strip().toLowerCase(Locale.ROOT).split("/");
                if (tv.length != 2 || tv[0].isEmpty() || tv[1].isEmpty()) {
                    continue; // not a media range: ignored
                }
                double q = 1;
                for (int i = 1; i < p.length; i++) {
                    String param = p[i].strip().toLowerCase(Locale.ROOT);
                    if (param.startsWith("q=")) {
                        try {
                            q = Math.max(0, Math.min(1, Double.parseDouble(param.substring(2))));
                        } catch (NumberFormatException e) {
                            q = 0;
                        }
                    }
                }
                out.add(new Range(tv[0], tv[1], q));
            }
            return out;
        }
    }
}
