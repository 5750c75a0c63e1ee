package id.capaian.report.laporan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Official names of bidang urusan (reference/urusan.csv, from the national nomenclature). */
public final class Urusan {

    private static final Map<String, String> NAMES = load();

    private Urusan() {
    }

    public static String nama(String kode) {
        return NAMES.get(kode);
    }

    private static Map<String, String> load() {
        Map<String, String> m = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                Urusan.class.getResourceAsStream("/reference/urusan.csv"), StandardCharsets.UTF_8))) {
            r.lines().filter(l -> !l.isBlank()).forEach(l -> {
                int comma = l.indexOf(',');
                m.put(l.substring(0, comma), l.substring(comma + 1).replace("\"", ""));
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.copyOf(m);
    }
}
