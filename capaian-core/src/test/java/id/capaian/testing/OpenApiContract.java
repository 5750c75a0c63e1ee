package id.capaian.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is a product: the one the code serves must be the one committed as
 * {@code <service>/openapi.yaml}, and frontend teams must be able to generate a typed TypeScript
 * client from it (openapi-typescript + openapi-fetch, type-checked with tsc --strict).
 */
public abstract class OpenApiContract {

    protected abstract String serviceName();

    private Path committed() {
        return LocalInfrastructure.root().resolve(serviceName() + "/openapi.yaml");
    }

    @Test
    void theCommittedDocumentIsTheOneTheCodeServes() throws IOException {
        String served = given().accept("application/yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        Path generated = Path.of("target", "openapi", "openapi.yaml").toAbsolutePath();
        Files.createDirectories(generated.getParent());
        Files.writeString(generated, served, StandardCharsets.UTF_8);
        if (!Files.exists(committed()) || !Files.readString(committed(), StandardCharsets.UTF_8).equals(served)) {
            fail("The OpenAPI document served by the code differs from the committed " + committed()
                    + ". Review the difference, then commit the new one: cp " + generated + " " + committed());
        }
    }

    /** Generated clients name their methods after operationIds: one per operation, unique in the document. */
    @Test
    void everyOperationHasItsOwnOperationId() {
        var paths = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath()
                .<String, java.util.Map<String, Object>>getMap("paths");
        List<String> missing = new java.util.ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<String> twice = new java.util.ArrayList<>();
        paths.forEach((path, ops) -> ops.forEach((method, op) -> {
            if (List.of("get", "put", "post", "delete", "patch").contains(method) && op instanceof java.util.Map<?, ?> o) {
                Object id = o.get("operationId");
                if (id == null) {
                    missing.add(method.toUpperCase() + " " + path);
                } else if (!seen.add(id.toString())) {
                    twice.add(id.toString());
                }
            }
        }));
        assertThat(missing).as("operations without an operationId").isEmpty();
        assertThat(twice).as("operationIds used twice").isEmpty();
    }

    /** Every /api operation names the roles it admits (core RoleDocs, from its method's @Requires rule). */
    @Test
    void everyOperationNamesTheRolesItAdmits() {
        var paths = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath()
                .<String, java.util.Map<String, Object>>getMap("paths");
        List<String> unnamed = new java.util.ArrayList<>();
        paths.forEach((path, ops) -> ops.forEach((method, op) -> {
            if (path.startsWith("/api/") && List.of("get", "put", "post", "delete", "patch").contains(method)
                    && op instanceof java.util.Map<?, ?> o) {
                Object roles = o.get("x-roles");
                Object description = o.get("description");
                if (!(roles instanceof List<?> r) || r.isEmpty() || description == null
                        || !description.toString().contains("Roles: ")) {
                    unnamed.add(method.toUpperCase() + " " + path);
                }
            }
        }));
        assertThat(unnamed).as("operations whose document does not name the roles they admit").isEmpty();
    }

    @Test
    void aTypedTypeScriptClientGeneratesAndTypeChecks() throws Exception {
        Path tools = LocalInfrastructure.root().resolve("deploy/openapi");
        // deploy/local/node.sh finds Node.js, or installs it as PostgreSQL is installed, and prints its bin folder
        Path bin = Path.of(output(tools, List.of(LocalInfrastructure.root().resolve("deploy/local/node.sh").toString())).strip());
        if (!Files.isDirectory(tools.resolve("node_modules/openapi-typescript"))) {
            run(tools, List.of(bin.resolve("npm").toString(), "ci", "--no-audit", "--no-fund"));
        }
        run(tools, List.of(bin.resolve("node").toString(), "check.mjs", "generated", serviceName() + "=" + committed()));
        assertThat(tools.resolve("generated/" + serviceName() + ".d.ts")).exists();
    }

    private static void run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            fail(String.join(" ", command) + " failed:\n" + out);
        }
    }

    /** Standard output of a command (its standard error goes to the test's log). */
    private static String output(Path dir, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            fail(String.join(" ", command) + " failed (it installs Node.js when run as root): " + out);
        }
        return out;
    }
}
