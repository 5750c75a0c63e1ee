package id.capaian.systemtest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.capaian.testing.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A small HTTP/1.1 client for the suite's REST APIs; JSON numbers stay exact (BigDecimal).
 *
 * <p>Every /api request carries a bearer token: by default an admin token (development key,
 * deploy/local/dev-keys) of the pemda named in the URL's path, so that tests of behaviour are not tests
 * of access; {@link #anonymous()} and {@link #withToken(String)} are for the tests of access.
 */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** What the tests check of every response (the OpenAPI contract, see Suite); none by default (the benchmark). */
    public interface Check {
        void check(String method, String url, Response response);
    }

    private static volatile Check check = (method, url, response) -> { };

    /** Has every later response of every Http checked by {@code c}; its AssertionError reaches the caller. */
    public static void checkEveryResponse(Check c) {
        check = c;
    }

    private final HttpClient client;
    /** URL -> the token to send with it, or null for none. */
    private final Function<String, String> tokenFor;

    /** Sends an admin token of the pemda in each request's path (of 63.10 when it names none). */
    public Http() {
        this(Http::adminTokenFor);
    }

    public Http(Function<String, String> tokenFor) {
        this.tokenFor = tokenFor;
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Sends no Authorization header at all. */
    public static Http anonymous() {
        return new Http(url -> null);
    }

    /** Sends this token (valid or not) with every request. */
    public static Http withToken(String token) {
        return new Http(url -> token);
    }

    /** The admin token of the pemda that {@code url} names (percent-decoded as the services decode a path parameter). */
    public static String adminTokenFor(String url) {
        if (!url.contains("/api/")) {
            return null; // /q/health, /q/metrics: not protected
        }
        return TestTokens.admin(TestTokens.pemdaOf(url));
    }


    public record Response(int status, String contentType, String body, long nanos) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (HTTP " + status + "): " + body, e);
            }
        }

        public boolean ok() {
            return status / 100 == 2;
        }
    }

    public Response get(String url) {
        return send(request(url).header("Accept", "application/json").GET());
    }

    public Response put(String url, String contentType, String body) {
        return send(request(url).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    public Response putJson(String url, String body) {
        return put(url, "application/json", body);
    }

    public Response post(String url, String contentType, byte[] body) {
        return send(request(url).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response send(String method, String url, String contentType, byte[] body) {
        HttpRequest.Builder b = request(url);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public CompletableFuture<Response> putJsonAsync(String url, String body) {
        long t0 = System.nanoTime();
        HttpRequest r = request(url).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return client.sendAsync(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(res -> checked(r, new Response(res.statusCode(), res.headers().firstValue("Content-Type").orElse(""),
                        res.body(), System.nanoTime() - t0)));
    }

    /** A request to {@code url} with its bearer token, if any. */
    private HttpRequest.Builder request(String url) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        String token = tokenFor.apply(url);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static Response checked(HttpRequest request, Response response) {
        check.check(request.method(), request.uri().toString(), response);
        return response;
    }

    private Response send(HttpRequest.Builder b) {
        long t0 = System.nanoTime();
        try {
            HttpRequest r = b.timeout(Duration.ofSeconds(120)).build();
            HttpResponse<String> res = client.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return checked(r, new Response(res.statusCode(), res.headers().firstValue("Content-Type").orElse(""), res.body(),
                    System.nanoTime() - t0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
