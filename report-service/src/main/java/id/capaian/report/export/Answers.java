package id.capaian.report.export;


import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * How every report answers in the form chosen by {@link Format}: the content type with {@code Vary: Accept};
 * spreadsheets and CSV as attachments with a file name; HTML pages under {@link #CSP}.
 */
public final class Answers {

    /** Sent with every HTML answer: nothing but the inline style may run or load. */
    public static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

    private Answers() {
    }

    /** The report in form {@code f}, JSON forms included. */
    public static Response.ResponseBuilder ok(Format f, Object entity) {
        return Response.ok(entity, f.contentType()).header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    }

    public static Response attachment(Response.ResponseBuilder b, String fileName) {
        return b.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    /** A printable page: nothing but its inline style may run or load. */
    public static Response html(Response.ResponseBuilder b) {
        return b.header("Content-Security-Policy", CSP).header("X-Content-Type-Options", "nosniff").build();
    }
}
