package id.capaian.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Availability, scaling, isolation, hardening and wiring rules that every overlay must keep. */
class ClusterPolicyTest {

    static final Map<String, Integer> PARTITIONS = Map.of("dev", 12, "production", 12);
    static final Map<String, Integer> DB_INSTANCES = Map.of("dev", 1, "production", 3);

    static List<String> overlays() {
        return Overlays.names();
    }

    static List<Deployment> deployments(String overlay) {
        return ServiceContractTest.deployments(overlay);
    }

    static <T> List<T> all(String overlay, String kind, Class<T> type) {
        return Overlays.ofKind(overlay, kind).stream().map(o -> StrictModels.parse(o, type)).toList();
    }

    static KafkaTopic topic(String overlay, String name) {
        return StrictModels.parse(Overlays.one(overlay, "KafkaTopic", name), KafkaTopic.class);
    }

    // --- Kafka and scaling

    /**
     * The servers that deploy/local (and the fault tests) stop and start again listen below Linux's ephemeral range
     * (from 32768): on a port inside it a reconnecting client can be handed that port as its own and connect to itself,
     * and the server cannot bind it again (lib.sh's comment).
     */
    @org.junit.jupiter.api.Test
    void localServersListenBelowTheEphemeralRange() throws java.io.IOException {
        Matcher env = Pattern.compile("(?m)^  (run|test)\\)\\s+_pg=(\\d+); _kafka=(\\d+); _ctrl=(\\d+) ;;$")
                .matcher(java.nio.file.Files.readString(Overlays.ROOT.resolve("deploy/local/lib.sh")));
        int found = 0;
        while (env.find()) {
            found++;
            for (int g = 2; g <= 4; g++) {
                assertThat(Integer.parseInt(env.group(g))).as(env.group(1) + " port " + g).isBetween(1024, 32767);
            }
        }
        assertThat(found).as("the run and test ports in deploy/local/lib.sh").isEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void reportServiceScalesAsFarAsThePartitions(String overlay) throws java.io.IOException {
        int partitions = topic(overlay, "realization-updated").getSpec().getPartitions();
        assertThat(topic(overlay, "realization-updated-dlq").getSpec().getPartitions()).as(overlay + ": dead-letter partitions")
                .isEqualTo(partitions);
        java.util.regex.Matcher local = java.util.regex.Pattern.compile("(?m)^TOPIC_PARTITIONS=(\\d+)$")
                .matcher(java.nio.file.Files.readString(Overlays.ROOT.resolve("deploy/local/lib.sh")));
        assertThat(local.find()).as("TOPIC_PARTITIONS in deploy/local/lib.sh").isTrue();
        assertThat(partitions).as(overlay + ": partitions as deploy/local creates them").isEqualTo(Integer.parseInt(local.group(1)));
        List<HorizontalPodAutoscaler> hpas = all(overlay, "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);
        assertThat(hpas).as(overlay + ": the report-service HPA").hasSize(1);
        HorizontalPodAutoscaler hpa = hpas.get(0);
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("report-service");
        assertThat(hpa.getSpec().getMaxReplicas()).as(overlay + ": maxReplicas == partitions of realization-updated")
                .isEqualTo(partitions);
        assertThat(hpa.getSpec().getMinReplicas()).isBetween(1, hpa.getSpec().getMaxReplicas());
        Deployment report = deployments(overlay).stream().filter(d -> d.getMetadata().getName().equals("report-service"))
                .findFirst().orElseThrow();
        assertThat(report.getSpec().getReplicas()).as("the HPA owns report-service's replica count").isNull();
        if (PARTITIONS.containsKey(overlay)) {
            assertThat(partitions).as(overlay + " partitions").isEqualTo(PARTITIONS.get(overlay));
            assertThat(hpa.getSpec().getMaxReplicas()).as(overlay + " maxReplicas").isEqualTo(PARTITIONS.get(overlay));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void topicsAreReplicatedThreeTimesWithMinInsyncTwo(String overlay) {
        KafkaTopic events = topic(overlay, "realization-updated");
        KafkaTopic dlq = topic(overlay, "realization-updated-dlq");
        for (KafkaTopic t : List.of(events, dlq)) {
            assertThat(t.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "capaian-kafka");
            assertThat(t.getSpec().getReplicas()).as(t.getMetadata().getName()).isEqualTo(3);
            assertThat(String.valueOf(t.getSpec().getConfig().get("min.insync.replicas"))).isEqualTo("2");
            assertThat(t.getSpec().getPartitions()).isEqualTo(events.getSpec().getPartitions());
        }
        KafkaNodePool pool = StrictModels.parse(Overlays.ofKind(overlay, "KafkaNodePool").get(0), KafkaNodePool.class);
        assertThat(pool.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "capaian-kafka");
        assertThat(pool.getSpec().getReplicas()).as("brokers for replication 3").isEqualTo(3);
        assertThat(pool.getSpec().getRoles()).containsExactlyInAnyOrder(ProcessRoles.CONTROLLER, ProcessRoles.BROKER);
        Kafka kafka = StrictModels.parse(Overlays.one(overlay, "Kafka", "capaian-kafka"), Kafka.class);
        assertThat(kafka.getMetadata().getAnnotations())
                .containsEntry("strimzi.io/node-pools", "enabled").containsEntry("strimzi.io/kraft", "enabled");
        assertThat(String.valueOf(kafka.getSpec().getKafka().getConfig().get("min.insync.replicas"))).isEqualTo("2");
    }

    // --- wiring: what the environment says exists

    @ParameterizedTest
    @MethodSource("overlays")
    void servicesPointAtTheDatabasesRolesAndBrokersThatTheOverlayCreates(String overlay) {
        JsonNode cluster = Overlays.ofKind(overlay, "Cluster").get(0);
        String clusterName = cluster.path("metadata").path("name").asText();
        Kafka kafka = StrictModels.parse(Overlays.ofKind(overlay, "Kafka").get(0), Kafka.class);
        List<Integer> plainPorts = kafka.getSpec().getKafka().getListeners().stream()
                .filter(l -> !l.isTls()).map(GenericKafkaListener::getPort).toList();
        Pattern jdbc = Pattern.compile("jdbc:postgresql://" + Pattern.quote(clusterName) + "-rw:5432/([a-z_]+)");
        for (Deployment d : deployments(overlay)) {
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            String where = overlay + " " + d.getMetadata().getName();
            String url = ServiceContractTest.envValue(overlay, c, "QUARKUS_DATASOURCE_JDBC_URL");
            Matcher m = jdbc.matcher(Objects.requireNonNull(url, where + " sets no QUARKUS_DATASOURCE_JDBC_URL"));
            assertThat(m.matches()).as(where + " " + url + " is the primary (rw) service of Cluster " + clusterName).isTrue();
            String db = m.group(1);
            JsonNode database = Overlays.ofKind(overlay, "Database").stream()
                    .filter(x -> x.path("spec").path("name").asText().equals(db)).findFirst()
                    .orElseThrow(() -> new AssertionError(where + ": no Database CR creates " + db));
            assertThat(database.path("spec").path("cluster").path("name").asText()).isEqualTo(clusterName);
            String owner = database.path("spec").path("owner").asText();
            JsonNode role = null;
            for (JsonNode r : cluster.path("spec").path("managed").path("roles")) {
                if (r.path("name").asText().equals(owner)) {
                    role = r;
                }
            }
            assertThat(role).as(where + ": the Cluster manages the owner role " + owner).isNotNull();
            assertThat(role.path("login").asBoolean()).as(owner + " may log in").isTrue();
            String roleSecret = role.path("passwordSecret").path("name").asText();
            EnvVar user = env(c, "QUARKUS_DATASOURCE_USERNAME");
            EnvVar password = env(c, "QUARKUS_DATASOURCE_PASSWORD");
            assertThat(user.getValueFrom().getSecretKeyRef().getName()).as(where + " user").isEqualTo(roleSecret);
            assertThat(user.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("username");
            assertThat(password.getValueFrom().getSecretKeyRef().getName()).as(where + " password").isEqualTo(roleSecret);
            assertThat(password.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("password");

            String bootstrap = ServiceContractTest.envValue(overlay, c, "KAFKA_BOOTSTRAP_SERVERS");
            assertThat(plainPorts.stream().map(p -> kafka.getMetadata().getName() + "-kafka-bootstrap:" + p))
                    .as(where + " KAFKA_BOOTSTRAP_SERVERS").contains(bootstrap);
        }
        assertThat(Overlays.ofKind(overlay, "Secret")).as("no Secret is kept in the repository").isEmpty();
        if (DB_INSTANCES.containsKey(overlay)) {
            assertThat(cluster.path("spec").path("instances").asInt()).as(overlay + " PostgreSQL instances")
                    .isEqualTo(DB_INSTANCES.get(overlay));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void reportServiceCallsTheOwnersThroughTheirServices(String overlay) {
        Deployment report = deployments(overlay).stream().filter(d -> d.getMetadata().getName().equals("report-service"))
                .findFirst().orElseThrow();
        Container c = report.getSpec().getTemplate().getSpec().getContainers().get(0);
        for (String owner : List.of("budget", "indicator")) {
            Service service = StrictModels.parse(Overlays.one(overlay, "Service", owner + "-service"), Service.class);
            // the internal port: the owners' year lock and month closing answer only there
            int port = service.getSpec().getPorts().stream().filter(p -> p.getName().equals("internal")).findFirst()
                    .orElseThrow().getPort();
            assertThat(ServiceContractTest.envValue(overlay, c, "CAPAIAN_SERVICES_" + owner.toUpperCase()))
                    .isEqualTo("http://" + owner + "-service:" + port);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceVerifiesTokensFromAnIssuerNeverTheDevelopmentKey(String overlay) {
        for (Deployment d : deployments(overlay)) {
            for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                String where = overlay + " " + d.getMetadata().getName();
                assertThat(ServiceContractTest.envValue(overlay, c, "QUARKUS_OIDC_AUTH_SERVER_URL")).as(where + " token issuer")
                        .isNotNull().startsWith("https://");
                assertThat(ServiceContractTest.envNames(overlay, c)).as(where + ": the development key and issuer stay local")
                        .doesNotContain("QUARKUS_OIDC_PUBLIC_KEY", "QUARKUS_OIDC_TOKEN_ISSUER");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void whetherLockedReportsArePublicIsSetExplicitly(String overlay) {
        Deployment report = deployments(overlay).stream().filter(d -> d.getMetadata().getName().equals("report-service"))
                .findFirst().orElseThrow();
        Container c = report.getSpec().getTemplate().getSpec().getContainers().get(0);
        // Set explicitly (false in base), so that making final reports public is a visible decision of an overlay.
        assertThat(ServiceContractTest.envValue(overlay, c, "CAPAIAN_REPORTS_PUBLIC_WHEN_LOCKED")).as(overlay).isIn("false", "true");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void imagesComeFromTheRegistryTheOverlayNames(String overlay) {
        for (Deployment d : deployments(overlay)) {
            for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                assertThat(c.getImage()).as(overlay + " " + c.getName())
                        .matches("[a-z0-9.-]+(:[0-9]+)?/[a-z0-9/._-]*" + Pattern.quote(d.getMetadata().getName()) + ":[A-Za-z0-9._-]+");
            }
        }
    }

    // --- availability

    @ParameterizedTest
    @MethodSource("overlays")
    void everyDeploymentHasADisruptionBudget(String overlay) {
        List<PodDisruptionBudget> pdbs = all(overlay, "PodDisruptionBudget", PodDisruptionBudget.class);
        for (Deployment d : deployments(overlay)) {
            Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
            List<PodDisruptionBudget> covering = pdbs.stream().filter(p -> matches(p.getSpec().getSelector(), labels)).toList();
            assertThat(covering).as(overlay + " " + d.getMetadata().getName()).hasSize(1);
            assertThat(covering.get(0).getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
            assertThat(matches(d.getSpec().getSelector(), labels)).as("the Deployment selects its own pods").isTrue();
        }
    }

    // --- hardening and sizing

    @ParameterizedTest
    @MethodSource("overlays")
    void everyContainerRunsHardened(String overlay) {
        for (Deployment d : deployments(overlay)) {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            PodSecurityContext psc = pod.getSecurityContext();
            assertThat(psc).as(d.getMetadata().getName() + " pod securityContext").isNotNull();
            assertThat(psc.getRunAsNonRoot()).isTrue();
            assertThat(psc.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(pod.getAutomountServiceAccountToken()).as("no API token in the pods").isFalse();
            for (Container c : pod.getContainers()) {
                String where = overlay + " " + d.getMetadata().getName() + "/" + c.getName();
                SecurityContext sc = c.getSecurityContext();
                assertThat(sc).as(where).isNotNull();
                assertThat(sc.getRunAsNonRoot()).as(where + " runAsNonRoot").isTrue();
                assertThat(sc.getRunAsUser()).as(where + " runs as the UBI OpenJDK image's user").isEqualTo(185L);
                assertThat(sc.getReadOnlyRootFilesystem()).as(where + " readOnlyRootFilesystem").isTrue();
                assertThat(sc.getAllowPrivilegeEscalation()).as(where + " allowPrivilegeEscalation").isFalse();
                assertThat(sc.getPrivileged()).as(where + " privileged").isNotEqualTo(Boolean.TRUE);
                assertThat(sc.getCapabilities().getDrop()).as(where + " drops").containsExactly("ALL");
                assertThat(sc.getCapabilities().getAdd()).as(where + " adds").isNullOrEmpty();
                assertThat(sc.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
                VolumeMount tmp = c.getVolumeMounts().stream().filter(v -> "/tmp".equals(v.getMountPath())).findFirst()
                        .orElseThrow(() -> new AssertionError(where + ": nothing writable at /tmp"));
                Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(tmp.getName())).findFirst().orElseThrow();
                assertThat(volume.getEmptyDir()).as(where + " /tmp is an emptyDir").isNotNull();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyContainerHasRequestsAndLimitsFromTheMeasuredRss(String overlay) {
        for (Deployment d : deployments(overlay)) {
            for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                String where = overlay + " " + c.getName();
                Map<String, Quantity> requests = c.getResources().getRequests();
                Map<String, Quantity> limits = c.getResources().getLimits();
                assertThat(requests).as(where + " requests").containsEntry("cpu", new Quantity("100m"))
                        .containsEntry("memory", new Quantity("320Mi"));
                assertThat(limits).as(where + " limits").containsEntry("cpu", new Quantity("1"))
                        .containsEntry("memory", new Quantity("512Mi"));
                // measured RSS 260-280 MB must fit under the request
                assertThat(Quantity.getAmountInBytes(requests.get("memory")).longValue()).isGreaterThan(280L * 1000 * 1000);
            }
        }
    }

    // --- isolation

    @ParameterizedTest
    @MethodSource("overlays")
    void everythingIsDeniedUnlessAPolicyOpensIt(String overlay) {
        List<NetworkPolicy> policies = all(overlay, "NetworkPolicy", NetworkPolicy.class);
        assertThat(policies).as(overlay + ": a default deny for every pod, both ways").anyMatch(p ->
                isEmpty(p.getSpec().getPodSelector())
                        && p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                        && p.getSpec().getIngress().isEmpty() && p.getSpec().getEgress().isEmpty());
        assertThat(policies).as(overlay + ": DNS for every pod").anyMatch(p -> isEmpty(p.getSpec().getPodSelector())
                && p.getSpec().getEgress().stream().anyMatch(r -> hasPort(r.getPorts(), 53, "UDP")));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceTalksOnlyAlongTheDesignedPaths(String overlay) {
        List<NetworkPolicy> policies = all(overlay, "NetworkPolicy", NetworkPolicy.class);
        Map<String, String> postgres = Map.of("cnpg.io/cluster", "capaian-db");
        Map<String, String> kafka = Map.of("strimzi.io/cluster", "capaian-kafka", "strimzi.io/kind", "Kafka");
        Map<String, String> ingressController = Map.of("app.kubernetes.io/name", "ingress-nginx");
        Map<String, String> ingressNamespace = Map.of("kubernetes.io/metadata.name", "ingress-nginx");
        for (Deployment d : deployments(overlay)) {
            String name = d.getMetadata().getName();
            Map<String, String> pod = d.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(ingressAllowed(policies, pod, ingressController, ingressNamespace, 8080))
                    .as(overlay + ": ingress controller -> " + name + ":8080").isTrue();
            assertThat(egressAllowed(policies, pod, postgres, 5432)).as(overlay + ": " + name + " -> PostgreSQL 5432").isTrue();
            assertThat(ingressAllowed(policies, postgres, pod, null, 5432)).as(overlay + ": PostgreSQL admits " + name).isTrue();
            assertThat(egressAllowed(policies, pod, kafka, 9092)).as(overlay + ": " + name + " -> Kafka 9092").isTrue();
            assertThat(egressAllowed(policies, pod, Map.of("app.kubernetes.io/name", "unrelated"), 8080))
                    .as(overlay + ": " + name + " may not call just anything").isFalse();
            // The token issuer (QUARKUS_OIDC_AUTH_SERVER_URL): discovery and signing keys over HTTPS.
            assertThat(egressAllowed(policies, pod, Map.of("app.kubernetes.io/name", "keycloak"), 443))
                    .as(overlay + ": " + name + " -> identity provider 443").isTrue();
        }
        Map<String, String> report = Map.of("app.kubernetes.io/name", "report-service");
        for (String owner : List.of("budget-service", "indicator-service")) {
            Map<String, String> ownerPod = Map.of("app.kubernetes.io/name", owner);
            assertThat(egressAllowed(policies, report, ownerPod, 8081)).as(overlay + ": report -> " + owner + ":8081").isTrue();
            assertThat(ingressAllowed(policies, ownerPod, report, null, 8081)).as(overlay + ": " + owner + ":8081 admits report").isTrue();
            // The internal port, where the owners' year lock and month closing answer, admits report-service only:
            // not the ingress controller (the outside world), not Prometheus, not the other owner.
            assertThat(ingressAllowed(policies, ownerPod, ingressController, ingressNamespace, 8081))
                    .as(overlay + ": the ingress controller cannot reach " + owner + ":8081").isFalse();
            assertThat(ingressAllowed(policies, ownerPod, Map.of("app.kubernetes.io/name", "prometheus"),
                    Map.of("kubernetes.io/metadata.name", "monitoring"), 8081))
                    .as(overlay + ": monitoring cannot reach " + owner + ":8081").isFalse();
            for (String other : List.of("budget-service", "indicator-service")) {
                assertThat(ingressAllowed(policies, ownerPod, Map.of("app.kubernetes.io/name", other), null, 8081))
                        .as(overlay + ": " + other + " cannot reach " + owner + ":8081").isFalse();
            }
            assertThat(egressAllowed(policies, ownerPod, report, 8080)).as(overlay + ": " + owner + " -> report is closed").isFalse();
        }
        assertThat(egressAllowed(policies, Map.of("app.kubernetes.io/name", "budget-service"),
                Map.of("app.kubernetes.io/name", "indicator-service"), 8080)).as("budget -> indicator is closed").isFalse();
    }

    // --- a small evaluator of NetworkPolicies for pods of this namespace

    static boolean egressAllowed(List<NetworkPolicy> policies, Map<String, String> from, Map<String, String> to, int port) {
        return policies.stream()
                .filter(p -> p.getSpec().getPolicyTypes().contains("Egress") && matches(p.getSpec().getPodSelector(), from))
                .flatMap(p -> p.getSpec().getEgress().stream())
                .anyMatch(rule -> hasPort(rule.getPorts(), port, "TCP") && peers(rule).test(new Peer(to, null)));
    }

    static boolean ingressAllowed(List<NetworkPolicy> policies, Map<String, String> to, Map<String, String> from,
            Map<String, String> fromNamespace, int port) {
        return policies.stream()
                .filter(p -> p.getSpec().getPolicyTypes().contains("Ingress") && matches(p.getSpec().getPodSelector(), to))
                .flatMap(p -> p.getSpec().getIngress().stream())
                .anyMatch(rule -> hasPort(rule.getPorts(), port, "TCP") && peers(rule).test(new Peer(from, fromNamespace)));
    }

    /** A pod: its labels, and its namespace's labels (null: this namespace). */
    record Peer(Map<String, String> labels, Map<String, String> namespace) {
    }

    static Predicate<Peer> peers(NetworkPolicyEgressRule rule) {
        return peers(rule.getTo());
    }

    static Predicate<Peer> peers(NetworkPolicyIngressRule rule) {
        return peers(rule.getFrom());
    }

    static Predicate<Peer> peers(List<NetworkPolicyPeer> peers) {
        if (peers == null || peers.isEmpty()) {
            return p -> true;
        }
        return p -> peers.stream().anyMatch(peer -> {
            if (peer.getIpBlock() != null) {
                return false;
            }
            boolean namespaceOk = peer.getNamespaceSelector() == null ? p.namespace() == null
                    : p.namespace() != null && matches(peer.getNamespaceSelector(), p.namespace());
            boolean podOk = peer.getPodSelector() == null || matches(peer.getPodSelector(), p.labels());
            return namespaceOk && podOk;
        });
    }

    static boolean hasPort(List<NetworkPolicyPort> ports, int port, String protocol) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        return ports.stream().anyMatch(p -> (p.getProtocol() == null ? "TCP" : p.getProtocol()).equals(protocol)
                && (p.getPort() == null || Objects.equals(p.getPort().getIntVal(), port)));
    }

    static boolean isEmpty(LabelSelector selector) {
        return selector == null || ((selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty()));
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        if (selector.getMatchLabels() != null) {
            for (Map.Entry<String, String> e : selector.getMatchLabels().entrySet()) {
                if (!e.getValue().equals(labels.get(e.getKey()))) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                String value = labels.get(r.getKey());
                boolean ok = switch (r.getOperator()) {
                    case "In" -> value != null && r.getValues().contains(value);
                    case "NotIn" -> value == null || !r.getValues().contains(value);
                    case "Exists" -> value != null;
                    case "DoesNotExist" -> value == null;
                    default -> throw new AssertionError("unknown selector operator " + r.getOperator());
                };
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }

    static EnvVar env(Container c, String name) {
        return c.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(c.getName() + " has no env " + name));
    }
}
