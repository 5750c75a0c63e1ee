package id.capaian.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every overlay renders, and every object it renders parses strictly by its kind. */
class RenderedObjectsTest {

    static List<String> overlays() {
        return Overlays.names();
    }

    @Test
    void theDevAndProductionOverlaysExist() {
        assertThat(Overlays.names()).contains("dev", "production");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObjectParsesStrictlyByItsKind(String overlay) {
        List<String> failures = new ArrayList<>();
        for (JsonNode object : Overlays.render(overlay)) {
            try {
                StrictModels.parseAny(object);
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
        }
        assertThat(failures).as(overlay).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyKindTheIssueAsksForIsThere(String overlay) {
        Set<String> kinds = new TreeSet<>();
        Overlays.render(overlay).forEach(o -> kinds.add(StrictModels.key(o)));
        assertThat(kinds).containsAll(StrictModels.TYPED.keySet()).containsAll(StrictModels.SCHEMAS.keySet());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyNamespacedObjectLandsInTheOverlaysNamespace(String overlay) {
        JsonNode namespace = Overlays.ofKind(overlay, "Namespace").get(0);
        String name = namespace.path("metadata").path("name").asText();
        for (JsonNode object : Overlays.render(overlay)) {
            if (!"Namespace".equals(object.path("kind").asText())) {
                assertThat(object.path("metadata").path("namespace").asText()).as(Overlays.id(object)).isEqualTo(name);
            }
        }
    }

    // The strictness itself: a misspelt field must fail, not be kept aside in additionalProperties.

    @Test
    void aMisspeltFieldInACoreObjectFails() {
        ObjectNode deployment = Overlays.one("dev", "Deployment", "budget-service").deepCopy();
        ((ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").get(0))
                .put("readinesProbe", "typo");
        assertThatThrownBy(() -> StrictModels.parse(deployment, Deployment.class))
                .isInstanceOf(AssertionError.class).hasMessageContaining("readinesProbe");
    }

    @Test
    void aMisspeltFieldInAStrimziObjectFails() {
        ObjectNode kafka = Overlays.one("dev", "Kafka", "capaian-kafka").deepCopy();
        ((ObjectNode) kafka.path("spec").path("kafka")).put("replicaz", 3);
        assertThatThrownBy(() -> StrictModels.parse(kafka, Kafka.class))
                .isInstanceOf(AssertionError.class).hasMessageContaining("replicaz");
        ObjectNode topic = Overlays.one("dev", "KafkaTopic", "realization-updated").deepCopy();
        ((ObjectNode) topic.path("spec")).put("partition", 3);
        assertThatThrownBy(() -> StrictModels.parse(topic, KafkaTopic.class))
                .isInstanceOf(AssertionError.class).hasMessageContaining("partition");
    }

    @Test
    void aMisspeltFieldInACloudNativePgObjectFails() {
        ObjectNode cluster = Overlays.one("dev", "Cluster", "capaian-db").deepCopy();
        ((ObjectNode) cluster.path("spec").path("managed").path("roles").get(0)).put("passwordSecrets", "x");
        assertThat(StrictModels.violations(cluster)).anyMatch(m -> m.contains("passwordSecrets"));
        ObjectNode database = Overlays.one("dev", "Database", "capaian-db-budget").deepCopy();
        ((ObjectNode) database.path("spec")).remove("owner");
        assertThat(StrictModels.violations(database)).anyMatch(m -> m.contains("owner"));
    }

    @Test
    void anUnknownKindFails() {
        ObjectNode object = Overlays.one("dev", "Service", "budget-service").deepCopy();
        object.put("apiVersion", "v2");
        assertThatThrownBy(() -> StrictModels.parseAny(object)).hasMessageContaining("no kind this module validates");
    }
}
