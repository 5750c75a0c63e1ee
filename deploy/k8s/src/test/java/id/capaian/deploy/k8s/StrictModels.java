package id.capaian.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.deser.BeanDeserializerBuilder;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses rendered objects strictly: every field must be one the schema of its kind knows.
 * <ul>
 * <li>Core Kubernetes kinds: fabric8 kubernetes-model (8.0.0, Jackson 3).</li>
 * <li>Strimzi kinds: the Strimzi API model (io.strimzi:api).</li>
 * <li>CloudNativePG Cluster and Database, Prometheus-operator ServiceMonitor: JSON Schemas under
 * src/test/resources/schemas (no typed model of them is published for this fabric8 line).</li>
 * </ul>
 * fabric8 and Strimzi classes keep unknown fields in an {@code additionalProperties} map (a Jackson
 * any-setter) instead of failing; the mapper here removes every any-setter, so that with
 * FAIL_ON_UNKNOWN_PROPERTIES an unknown or misspelt field is an error naming the field.
 */
final class StrictModels {

    /** "apiVersion kind" to the typed class that must read it. */
    static final Map<String, Class<?>> TYPED = new LinkedHashMap<>();
    /** "apiVersion kind" to the JSON schema resource that must accept it. */
    static final Map<String, String> SCHEMAS = new LinkedHashMap<>();

    static {
        TYPED.put("v1 Namespace", Namespace.class);
        TYPED.put("v1 ConfigMap", ConfigMap.class);
        TYPED.put("v1 Service", Service.class);
        TYPED.put("apps/v1 Deployment", Deployment.class);
        TYPED.put("policy/v1 PodDisruptionBudget", PodDisruptionBudget.class);
        TYPED.put("autoscaling/v2 HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);
        TYPED.put("networking.k8s.io/v1 NetworkPolicy", NetworkPolicy.class);
        TYPED.put("networking.k8s.io/v1 Ingress", Ingress.class);
        TYPED.put("kafka.strimzi.io/v1 Kafka", Kafka.class);
        TYPED.put("kafka.strimzi.io/v1 KafkaNodePool", KafkaNodePool.class);
        TYPED.put("kafka.strimzi.io/v1 KafkaTopic", KafkaTopic.class);
        SCHEMAS.put("postgresql.cnpg.io/v1 Cluster", "/schemas/cnpg-cluster-v1.schema.json");
        SCHEMAS.put("postgresql.cnpg.io/v1 Database", "/schemas/cnpg-database-v1.schema.json");
        SCHEMAS.put("postgresql.cnpg.io/v1 ScheduledBackup", "/schemas/cnpg-scheduledbackup-v1.schema.json");
        SCHEMAS.put("monitoring.coreos.com/v1 ServiceMonitor", "/schemas/servicemonitor-v1.schema.json");
    }

    static final Set<String> STRIMZI_KINDS = Set.of("Kafka", "KafkaNodePool", "KafkaTopic");

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule("no-any-setter").setDeserializerModifier(new ValueDeserializerModifier() {
                @Override
                public BeanDeserializerBuilder updateBuilder(DeserializationConfig config,
                        BeanDescription.Supplier beanDesc, BeanDeserializerBuilder builder) {
                    builder.setAnySetter(null);
                    return builder;
                }
            }))
            .build();
    private static final ObjectMapper JSON2 = new ObjectMapper();
    private static final Map<String, JsonSchema> LOADED = new LinkedHashMap<>();

    private StrictModels() {
    }

    static String key(JsonNode object) {
        return object.path("apiVersion").asText() + " " + object.path("kind").asText();
    }

    /** Parses {@code object} as {@code type} strictly; the message names the field at fault. */
    static <T> T parse(JsonNode object, Class<T> type) {
        try {
            return STRICT.readValue(JSON2.writeValueAsString(object), type);
        } catch (IOException | RuntimeException e) {
            throw new AssertionError(Overlays.id(object) + " is not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Validates {@code object} against the JSON schema of its kind; returns the violations. */
    static List<String> violations(JsonNode object) {
        String resource = SCHEMAS.get(key(object));
        if (resource == null) {
            throw new AssertionError("no schema for " + key(object));
        }
        JsonSchema schema = LOADED.computeIfAbsent(resource, StrictModels::load);
        Set<ValidationMessage> messages = schema.validate(object);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static JsonSchema load(String resource) {
        try (InputStream in = StrictModels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses any rendered object strictly by its kind; fails for a kind this module does not know. */
    static Object parseAny(JsonNode object) {
        Class<?> type = TYPED.get(key(object));
        if (type != null) {
            return parse(object, type);
        }
        if (SCHEMAS.containsKey(key(object))) {
            List<String> violations = violations(object);
            if (!violations.isEmpty()) {
                throw new AssertionError(Overlays.id(object) + " breaks its schema: " + violations);
            }
            return object;
        }
        throw new AssertionError(Overlays.id(object) + ": '" + key(object)
                + "' is no kind this module validates; add its typed model or schema to StrictModels");
    }
}
