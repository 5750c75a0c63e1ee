package id.capaian.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a restore needs (README: Backup and restore): the Cluster archives its WAL and keeps base backups in an
 * S3-compatible bucket whose keys come from a Secret, a ScheduledBackup takes one every night, the restore
 * Cluster of the procedure recovers from that same bucket, and the event topic is compacted so that the
 * latest state of every subject stays in it.
 */
class BackupAndRestoreTest {

    static final String SECRET = "capaian-db-backup";
    static final Map<String, String> BUCKET = Map.of(
            "dev", "s3://capaian-backup-dev/capaian-db", "production", "s3://capaian-backup/capaian-db");

    static List<String> overlays() {
        return Overlays.names();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theClusterArchivesToABucketWithKeysFromASecret(String overlay) {
        JsonNode cluster = Overlays.one(overlay, "Cluster", "capaian-db");
        assertThat(StrictModels.violations(cluster)).isEmpty();
        JsonNode backup = cluster.path("spec").path("backup");
        assertThat(backup.path("retentionPolicy").asText()).matches("[1-9][0-9]*[dwm]");
        JsonNode store = backup.path("barmanObjectStore");
        assertThat(store.path("destinationPath").asText()).startsWith("s3://");
        if (BUCKET.containsKey(overlay)) {
            assertThat(store.path("destinationPath").asText()).as(overlay + "'s bucket").isEqualTo(BUCKET.get(overlay));
        }
        assertThat(store.path("endpointURL").asText()).startsWith("https://");
        for (String key : List.of("accessKeyId", "secretAccessKey")) {
            assertThat(store.path("s3Credentials").path(key).path("name").asText()).as(key).isEqualTo(SECRET);
            assertThat(store.path("s3Credentials").path(key).path("key").asText()).as(key).isNotBlank();
        }
        assertThat(store.path("wal").path("compression").asText()).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void aScheduledBackupRunsEveryNight(String overlay) {
        List<JsonNode> scheduled = Overlays.ofKind(overlay, "ScheduledBackup");
        assertThat(scheduled).as(overlay).hasSize(1);
        JsonNode s = scheduled.get(0);
        assertThat(StrictModels.violations(s)).isEmpty();
        assertThat(s.path("spec").path("cluster").path("name").asText()).isEqualTo("capaian-db");
        assertThat(s.path("spec").path("method").asText()).isEqualTo("barmanObjectStore");
        String[] cron = s.path("spec").path("schedule").asText().split(" ");
        assertThat(cron).as("six fields, seconds first").hasSize(6);
        assertThat(cron[3] + cron[4] + cron[5]).as("every day").isEqualTo("***");
        assertThat(s.path("spec").path("suspend").asBoolean(false)).isFalse();
    }

    @Test
    void theRestoreClusterRecoversFromTheSameBucket() throws IOException {
        JsonNode restore = new ObjectMapper(new YAMLFactory())
                .readTree(Files.readString(Overlays.K8S_DIR.resolve("restore/capaian-db-restored.yaml")));
        assertThat(StrictModels.violations(restore)).isEmpty();
        String source = restore.path("spec").path("bootstrap").path("recovery").path("source").asText();
        JsonNode external = null;
        for (JsonNode e : restore.path("spec").path("externalClusters")) {
            if (source.equals(e.path("name").asText())) {
                external = e;
            }
        }
        assertThat(external).as("the externalClusters entry named by recovery.source").isNotNull();
        JsonNode live = Overlays.one("production", "Cluster", "capaian-db").path("spec").path("backup").path("barmanObjectStore");
        JsonNode from = external.path("barmanObjectStore");
        assertThat(from.path("destinationPath")).isEqualTo(live.path("destinationPath"));
        assertThat(from.path("endpointURL")).isEqualTo(live.path("endpointURL"));
        assertThat(from.path("serverName").asText()).as("the backed-up Cluster's name").isEqualTo("capaian-db");
        assertThat(from.path("s3Credentials")).isEqualTo(live.path("s3Credentials"));
        assertThat(restore.path("spec").path("managed")).as("the same roles")
                .isEqualTo(Overlays.one("production", "Cluster", "capaian-db").path("spec").path("managed"));
    }

    @Test
    void theSchemasRefuseAMisspeltBackupField() {
        ObjectNode cluster = Overlays.one("dev", "Cluster", "capaian-db").deepCopy();
        ((ObjectNode) cluster.path("spec").path("backup").path("barmanObjectStore")).put("destinationPat", "s3://x");
        assertThat(StrictModels.violations(cluster)).anyMatch(m -> m.contains("destinationPat"));
        ObjectNode scheduled = Overlays.one("dev", "ScheduledBackup", "capaian-db-nightly").deepCopy();
        ((ObjectNode) scheduled.path("spec")).put("schedule", "0 1 * * *");
        assertThat(StrictModels.violations(scheduled)).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theEventTopicIsCompactedAndKeepsItsStatesLongEnoughToRebuild(String overlay) {
        KafkaTopic events = StrictModels.parse(Overlays.one(overlay, "KafkaTopic", "realization-updated"), KafkaTopic.class);
        Map<String, Object> config = events.getSpec().getConfig();
        assertThat(String.valueOf(config.get("cleanup.policy"))).isEqualTo("compact");
        assertThat(config).doesNotContainKey("retention.ms");
        assertThat(Long.parseLong(String.valueOf(config.get("min.compaction.lag.ms")))).as("a day at least")
                .isGreaterThanOrEqualTo(86_400_000L);
        assertThat(Long.parseLong(String.valueOf(config.get("delete.retention.ms")))).isGreaterThanOrEqualTo(86_400_000L);
    }

    @Test
    void theLocalTopicIsCompactedToo() throws IOException {
        String script = Files.readString(Overlays.K8S_DIR.resolve("../local/kafka.sh"));
        assertThat(script).contains("realization-updated) echo \"--config cleanup.policy=compact --config min.compaction.lag.ms=86400000");
    }
}
