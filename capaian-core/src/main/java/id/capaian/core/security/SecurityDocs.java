package id.capaian.core.security;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Documents the security of every /api operation in one place: the bearer scheme with the role table,
 * the requirement, the 401 and 403 answers, and the 409 of a locked year on every write.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class SecurityDocs implements OASFilter {

    static final String SCHEME = "bearer";
    static final String ROLES = """
            OIDC bearer token (JWT) from the pemda's identity provider. Claims used: `sub`, `name`, `roles`, \
            `pemda` and, for agency users, `opd`.

            | role | may |
            |---|---|
            | `operator` | read its pemda; write ceilings, realizations, indicators and annotations of its own `pemda`+`opd` only |
            | `verifikator` | read its pemda, write annotations, lock and unlock a year (Bappeda) |
            | `pembaca` | read its pemda (DPRD, inspectorate) |
            | `integrasi` | read its pemda; bulk upserts and imports within its token's `pemda` (and `opd`, when the token names one) |
            | `admin` | everything of its pemda's data |
            | `platform` | operate the service for every pemda (read-model check and rebuild); names no pemda, reads no pemda's data |

            Tokens must name the audience `capaian` (`aud`, configurable: `capaian.security.audience`). Each operation \
            names the roles it admits (`x-roles`).

            While a year (or an OPD of it) is locked every write to it answers 409 `tahun-terkunci`.""";
    static final String P401 = """
            {"type": "/problems/tidak-terautentikasi", "title": "Tidak terautentikasi", "status": 401,
             "detail": "Kirim token: Authorization: Bearer <token>"}""";
    static final String P403 = """
            {"type": "/problems/akses-ditolak", "title": "Akses ditolak", "status": 403,
             "detail": "token dengan peran [operator] untuk pemda 63.10 opd DINKES tidak boleh mengubah data pemda 63.10 opd P3AP2KB"}""";
    static final String P409 = """
            {"type": "/problems/tahun-terkunci", "title": "Tahun terkunci", "status": 409,
             "detail": "Data tahun 2024 pemda 63.10 sudah final: dikunci oleh Ahmad Fauzi sejak 2025-03-31T02:00Z (LKPJ 2024 disampaikan ke DPRD); verifikator dapat membuka kuncinya dengan alasan",
             "errors": [{"field": "tahun", "message": "Data tahun 2024 pemda 63.10 sudah final"}]}""";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        api.getComponents().addSecurityScheme(SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT").description(ROLES));
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> e : item.getOperations().entrySet()) {
                Operation op = e.getValue();
                op.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SCHEME));
                add(op, "401", "No token, or an expired, badly signed or unreadable one", "tidak-terautentikasi", P401);
                add(op, "403", "The token's roles, pemda or opd do not allow this operation here", "akses-ditolak", P403);
                boolean write = e.getKey() != PathItem.HttpMethod.GET && e.getKey() != PathItem.HttpMethod.HEAD;
                if (write && !path.endsWith("/kunci") && !path.startsWith("/api/v1/read-model")) {
                    add(op, "409", "The year, or this OPD of it, is locked (tahun-terkunci)", "tahun-terkunci", P409);
                }
                sortByStatus(op);
            }
        });
    }

    /**
     * Answers in status order, whichever filter added them: build-time filters run in no fixed order,
     * and the committed document must be the same on every build.
     */
    private static void sortByStatus(Operation op) {
        APIResponses sorted = OASFactory.createAPIResponses();
        new TreeMap<>(op.getResponses().getAPIResponses()).forEach(sorted::addAPIResponse);
        op.setResponses(sorted);
    }

    /** Adds the answer, or, when the operation already documents that status, adds the example to it. */
    private static void add(Operation op, String status, String description, String name, String example) {
        APIResponse existing = op.getResponses().getAPIResponse(status);
        var media = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))
                .addExample(name, OASFactory.createExample().value(example));
        if (existing == null) {
            op.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                    .content(OASFactory.createContent().addMediaType("application/problem+json", media)));
        } else if (existing.getContent() != null && existing.getContent().getMediaType("application/problem+json") != null) {
            existing.getContent().getMediaType("application/problem+json")
                    .addExample(name, OASFactory.createExample().value(example));
            existing.setDescription(existing.getDescription() + "; " + description);
        }
    }
}
