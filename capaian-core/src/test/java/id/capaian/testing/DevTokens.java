package id.capaian.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Mints bearer tokens signed with the committed development key (deploy/local/dev-keys: test keys,
 * never production). Used by the tests and, as a single-file program, by {@code deploy/local/token}:
 * it depends on the JDK only.
 */
public final class DevTokens {

    public static final String ISSUER = "capaian-dev";
    /** The audience the services expect by default ({@code capaian.security.audience}). */
    public static final String AUDIENCE = "capaian";
    public static final String KEY = "deploy/local/dev-keys/dev-signing-key.pem";
    public static final String PUBLIC_KEY = "deploy/local/dev-keys/dev-signing-key.pub.pem";

    /** What a token says about its bearer; {@code opd} only for agency users. */
    public record Claims(String subject, String name, List<String> roles, String pemda, String opd,
            Instant issuedAt, Instant expiresAt) {

        public static Claims of(String role, String pemda, String opd) {
            String sub = "dev-" + role + (opd == null ? "" : "-" + opd.toLowerCase());
            Instant now = Instant.now();
            return new Claims(sub, "Dev " + role + (opd == null ? "" : " " + opd), List.of(role), pemda, opd,
                    now, now.plus(Duration.ofHours(8)));
        }

        public Claims expired() {
            Instant past = Instant.now().minus(Duration.ofHours(1));
            return new Claims(subject, name, roles, pemda, opd, past.minus(Duration.ofHours(1)), past);
        }
    }

    private final PrivateKey key;

    private DevTokens(PrivateKey key) {
        this.key = key;
    }

    public static DevTokens of(PrivateKey key) {
        return new DevTokens(key);
    }

    public static DevTokens load(Path pem) {
        try {
            String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            byte[] der = Base64.getDecoder().decode(base64);
            return new DevTokens(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the development signing key " + pem, e);
        }
    }

    /** The public half as Quarkus OIDC reads it ({@code quarkus.oidc.public-key}): the PEM body on one line. */
    public static String publicKey(Path pem) {
        try {
            return Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + pem, e);
        }
    }

    public String mint(Claims c) {
        return mint(c, ISSUER);
    }

    public String mint(Claims c, String issuer) {
        return mint(c, issuer, AUDIENCE);
    }

    /** A token for another audience (or none, when null): the services refuse it. */
    public String mint(Claims c, String issuer, String audience) {
        List<String> fields = new ArrayList<>();
        fields.add(field("iss", issuer));
        if (audience != null) {
            fields.add(field("aud", audience));
        }
        fields.add(field("sub", c.subject()));
        fields.add(field("name", c.name()));
        fields.add("\"roles\":[" + String.join(",", c.roles().stream().map(DevTokens::quote).toList()) + "]");
        if (c.pemda() != null) {
            fields.add(field("pemda", c.pemda()));
        }
        if (c.opd() != null) {
            fields.add(field("opd", c.opd()));
        }
        fields.add("\"iat\":" + c.issuedAt().getEpochSecond());
        fields.add("\"exp\":" + c.expiresAt().getEpochSecond());
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String body = b64("{" + String.join(",", fields) + "}");
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update((header + "." + body).getBytes(StandardCharsets.US_ASCII));
            return header + "." + body + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign", e);
        }
    }

    private static String field(String name, String value) {
        return quote(name) + ":" + quote(value);
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> b.append(ch < 0x20 ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
            }
        }
        return b.append('"').toString();
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code java DevTokens.java <role> [--pemda 63.10] [--opd P3AP2KB] [--name "…"] [--sub …] [--hours 8]
     * [--aud capaian]}; a platform token names no pemda unless given one.
     */
    public static void main(String[] args) {
        List<String> roles = List.of("operator", "verifikator", "pembaca", "integrasi", "admin", "platform");
        if (args.length == 0 || !roles.contains(args[0])) {
            System.err.println("usage: deploy/local/token <" + String.join("|", roles)
                    + "> [--pemda 63.10] [--opd P3AP2KB] [--name \"Nama\"] [--sub id] [--hours 8] [--aud capaian]");
            System.exit(2);
        }
        String role = args[0];
        String pemda = role.equals("platform") ? null : "63.10";
        String opd = role.equals("operator") ? "P3AP2KB" : null;
        String aud = AUDIENCE;
        String name = null;
        String sub = null;
        long hours = 8;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--pemda" -> pemda = args[i + 1];
                case "--opd" -> opd = args[i + 1].isEmpty() ? null : args[i + 1];
                case "--name" -> name = args[i + 1];
                case "--sub" -> sub = args[i + 1];
                case "--hours" -> hours = Long.parseLong(args[i + 1]);
                case "--aud" -> aud = args[i + 1];
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        Claims c = Claims.of(role, pemda, opd);
        Instant now = Instant.now();
        c = new Claims(sub != null ? sub : c.subject(), name != null ? name : c.name(), c.roles(), pemda, opd, now,
                now.plus(Duration.ofHours(hours)));
        Path root = Path.of(System.getProperty("capaian.root", "."));
        System.out.println(load(root.resolve(KEY)).mint(c, ISSUER, aud));
    }
}
