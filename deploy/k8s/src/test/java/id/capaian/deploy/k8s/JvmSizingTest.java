package id.capaian.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Heap, JVM flags and connection pool have one source of truth, base/jvm.env: every Deployment's environment
 * holds exactly its values, deploy/local/run starts every service with them, and the heap fits the pod.
 */
class JvmSizingTest {

    static final Path FILE = Overlays.K8S_DIR.resolve("base/jvm.env");

    /** KEY=VALUE lines, as kustomize's configMapGenerator (envs) and deploy/local/run read them. */
    static Map<String, String> file() throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(FILE)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            env.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return env;
    }

    static java.util.List<String> overlays() {
        return Overlays.names();
    }

    @Test
    void theFileSizesHeapMetaspaceAndPool() throws IOException {
        Map<String, String> env = file();
        assertThat(env).containsKeys("JAVA_TOOL_OPTIONS", "QUARKUS_DATASOURCE_JDBC_MAX_SIZE");
        assertThat(env.get("JAVA_TOOL_OPTIONS")).contains("-Xmx").contains("-XX:MaxMetaspaceSize=");
        assertThat(Integer.parseInt(env.get("QUARKUS_DATASOURCE_JDBC_MAX_SIZE"))).isBetween(2, 50);
        // a bounded worker pool, large enough that every connection of the pool can be in use at once
        assertThat(Integer.parseInt(env.get("QUARKUS_THREAD_POOL_MAX_THREADS")))
                .isBetween(Integer.parseInt(env.get("QUARKUS_DATASOURCE_JDBC_MAX_SIZE")), 200);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceRunsWithTheFilesValuesAndItsHeapFitsThePod(String overlay) throws IOException {
        Map<String, String> env = file();
        for (Deployment d : ServiceContractTest.deployments(overlay)) {
            for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                String where = overlay + " " + d.getMetadata().getName();
                for (Map.Entry<String, String> e : env.entrySet()) {
                    assertThat(ServiceContractTest.envValue(overlay, c, e.getKey())).as(where + " " + e.getKey())
                            .isEqualTo(e.getValue());
                }
                Matcher xmx = Pattern.compile("-Xmx(\\d+)m").matcher(env.get("JAVA_TOOL_OPTIONS"));
                assertThat(xmx.find()).as("-Xmx<n>m in " + FILE).isTrue();
                BigDecimal heap = BigDecimal.valueOf(Long.parseLong(xmx.group(1)) * 1024 * 1024);
                BigDecimal request = Quantity.getAmountInBytes(c.getResources().getRequests().get("memory"));
                assertThat(heap).as(where + ": the heap leaves room for metaspace, code and threads in the memory request")
                        .isLessThanOrEqualTo(request.divide(BigDecimal.valueOf(2)));
            }
        }
    }

    @Test
    void deployLocalRunStartsEveryServiceWithTheSameFile() throws IOException {
        String run = Files.readString(Overlays.ROOT.resolve("deploy/local/run"));
        assertThat(run).contains("JVM_ENV_FILE=\"$CAPAIAN_ROOT/deploy/k8s/base/jvm.env\"")
                .contains("setsid env \"${JVM_ENV[@]}\" \"$java\" ");
    }
}
