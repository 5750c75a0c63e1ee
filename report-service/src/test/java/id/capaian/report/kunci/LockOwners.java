package id.capaian.report.kunci;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stand-ins for budget-service and indicator-service's year locks, one server each: they record every request
 * in one sequence and accept it; each can be taken down (connections refused), answer an outbox backlog in
 * {@code Capaian-Outbox-Tertunda}, or hold its next PUT until released.
 */
final class LockOwners {

    record Call(String owner, String method, String path, String body) {
    }

    static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    /** Per owner: the backlog the next GETs answer; each GET lowers it by one until 0. */
    static final Map<String, AtomicInteger> BACKLOG = new ConcurrentHashMap<>();
    /** Per owner: when set, its next PUT waits until the latch is released. */
    static final Map<String, CountDownLatch> HOLD = new ConcurrentHashMap<>();
    private static final Map<String, HttpServer> SERVERS = new ConcurrentHashMap<>();
    private static final Map<String, Integer> PORTS = new ConcurrentHashMap<>();

    public static class Profile implements io.quarkus.test.junit.QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.budget.url", url("budget"), "quarkus.rest-client.indicator.url",
                    url("indicator"), "capaian.kunci.drain-timeout", "PT3S");
        }
    }

    private LockOwners() {
    }

    static synchronized void down(String owner) {
        url(owner);
        SERVERS.remove(owner).stop(0);
    }

    static synchronized void up(String owner) {
        url(owner);
    }

    static synchronized String url(String owner) {
        HttpServer server = SERVERS.get(owner);
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORTS.getOrDefault(owner, 0)), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                CALLS.add(new Call(owner, exchange.getRequestMethod(), exchange.getRequestURI().toString(), body));
                if (exchange.getRequestMethod().equals("PUT")) {
                    CountDownLatch hold = HOLD.remove(owner);
                    try {
                        if (hold != null && !hold.await(30, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("never released");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                AtomicInteger backlog = BACKLOG.computeIfAbsent(owner, o -> new AtomicInteger());
                int pending = exchange.getRequestMethod().equals("GET")
                        ? backlog.getAndUpdate(n -> n > 0 && n < 1000 ? n - 1 : n) : backlog.get();
                byte[] answer = "[]".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("Capaian-Outbox-Tertunda", String.valueOf(pending));
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.start();
            SERVERS.put(owner, server);
            PORTS.put(owner, server.getAddress().getPort());
        }
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
