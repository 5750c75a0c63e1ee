package id.capaian.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service starts as deploy/local/run's training start left it (start.jvm), and only while that still fits its jar. */
class StartJvmTest {

    @TempDir Path dir;
    Path jvmEnv;

    @BeforeEach
    void jvmEnvOfBefore() throws Exception {
        jvmEnv = Files.writeString(dir.resolve("jvm.env"), "JAVA_TOOL_OPTIONS=-Xmx96m\n");
        Files.setLastModifiedTime(jvmEnv, FileTime.from(Instant.parse("2026-12-01T00:00:00Z")));
    }

    @Test
    void aFreshStartFileNamesTheJavaAndItsArchive() throws Exception {
        Path jar = jar(Instant.parse("2026-12-02T04:00:00Z"));
        String java = ProcessHandle.current().info().command().orElseThrow();
        startFile(java + "\n-XX:AOTCache=app.aot\n", Instant.parse("2026-12-02T04:01:00Z"));
        assertEquals(List.of(java, "-XX:AOTCache=app.aot"), ServiceProcess.startJvm(jar, jvmEnv));
    }

    @Test
    void anArchiveOlderThanTheJarIsNotUsed() throws Exception {
        Path jar = jar(Instant.parse("2026-12-02T04:02:00Z"));
        startFile(ProcessHandle.current().info().command().orElseThrow() + "\n-XX:AOTCache=app.aot\n",
                Instant.parse("2026-12-02T04:01:00Z"));
        assertEquals(List.of("java"), ServiceProcess.startJvm(jar, jvmEnv));
    }

    @Test
    void anArchiveOlderThanTheJvmFlagsIsNotUsed() throws Exception {
        Path jar = jar(Instant.parse("2026-12-02T04:00:00Z"));
        startFile(ProcessHandle.current().info().command().orElseThrow() + "\n-XX:AOTCache=app.aot\n",
                Instant.parse("2026-12-02T04:01:00Z"));
        Files.setLastModifiedTime(jvmEnv, FileTime.from(Instant.parse("2026-12-02T04:02:00Z")));
        assertEquals(List.of("java"), ServiceProcess.startJvm(jar, jvmEnv));
    }

    @Test
    void aJavaThatIsGoneIsNotUsed() throws Exception {
        Path jar = jar(Instant.parse("2026-12-02T04:00:00Z"));
        startFile("/nonexistent/bin/java\n-XX:AOTCache=app.aot\n", Instant.parse("2026-12-02T04:01:00Z"));
        assertEquals(List.of("java"), ServiceProcess.startJvm(jar, jvmEnv));
    }

    @Test
    void withoutATrainingStartPlainJava() throws Exception {
        assertEquals(List.of("java"), ServiceProcess.startJvm(jar(Instant.now()), jvmEnv));
    }

    private Path jar(Instant modified) throws Exception {
        Path jar = Files.writeString(dir.resolve("quarkus-run.jar"), "");
        Files.setLastModifiedTime(jar, FileTime.from(modified));
        return jar;
    }

    private void startFile(String content, Instant modified) throws Exception {
        Path f = Files.writeString(dir.resolve("start.jvm"), content);
        Files.setLastModifiedTime(f, FileTime.from(modified));
    }
}
