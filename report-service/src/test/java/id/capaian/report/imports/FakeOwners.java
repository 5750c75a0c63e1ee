package id.capaian.report.imports;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stand-ins for budget-service and indicator-service that speak docs/CONTRACTS.md's bulk PUTs: they record
 * what they receive (with the Authorization header) and accept it, except that an OPD named REFUSED gets
 * budget-service's 422 problem and one named LOCKED indicator-service's 409 (its year is locked there).
 */
final class FakeOwners {

    record Call(String method, String path, String query, String body, String authorization) {
    }

    static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    /** While true, indicator-service's (non dry run) import bundle answers 503, as an owner in trouble would. */
    static volatile boolean indicatorFailing;
    private static HttpServer server;
    private static int port;

    /** The one test profile of the import tests (one profile, so Quarkus starts once for all of them). */
    public static class Profile implements io.quarkus.test.junit.QuarkusTestProfile {
        @Override
        public java.util.Map<String, String> getConfigOverrides() {
            return java.util.Map.of("quarkus.rest-client.budget.url", url(), "quarkus.rest-client.indicator.url", url());
        }
    }

    /** Stops answering (connections are refused) until {@link #up()}. */
    static synchronized void down() {
        url();
        server.stop(0);
        server = null;
    }

    static synchronized void up() {
        url();
    }

    private FakeOwners() {
    }

    static synchronized String url() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String path = exchange.getRequestURI().getPath();
                String query = exchange.getRequestURI().getQuery();
                CALLS.add(new Call(exchange.getRequestMethod(), path, query, body,
                        exchange.getRequestHeaders().getFirst("Authorization")));
                boolean dryRun = query != null && query.contains("dryRun=true");
                byte[] answer;
                int status;
                if (path.contains("/REFUSED/") && path.startsWith("/api/v1/dpa/")) {
                    status = 422;
                    answer = """
                            {"type": "/problems/tahun-terkunci", "title": "Tahun terkunci", "status": 422,
                             "detail": "DPA 2024 sudah dikunci", "errors": [{"field": "nodes[2].pagu", "message": "tahun terkunci"}]}"""
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                } else if (path.contains("/LOCKED/") && path.startsWith("/api/v1/indikator/")) {
                    status = 409;
                    answer = """
                            {"type": "/problems/tahun-terkunci", "title": "Tahun terkunci", "status": 409,
                             "detail": "Data tahun 2024 pemda 63.10 untuk OPD LOCKED sudah final: dikunci oleh Ahmad Fauzi",
                             "errors": [{"field": "opd", "message": "sudah final"}]}"""
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                } else if (indicatorFailing && !dryRun && path.startsWith("/api/v1/indikator/")) {
                    status = 503;
                    answer = """
                            {"type": "/problems/kesalahan-internal", "title": "Kesalahan internal", "status": 503,
                             "detail": "database tidak tersedia"}""".getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                } else if (path.endsWith("/impor")) {
                    status = 200;
                    answer = ("{\"dryRun\": " + dryRun + (path.startsWith("/api/v1/indikator/") ? ", \"indikator\": []" : "")
                            + "}").getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                } else {
                    status = 200;
                    answer = "[]".getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                }
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            port = server.getAddress().getPort();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
