package id.capaian.core.openapi;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The finishing touches of every service's document, applied once the build-time filters have all run
 * (they run in no fixed order): examples given as JSON text become the JSON values they spell, so that an
 * example of an object schema is an object; the document names its server (the same origin that serves it)
 * and its licence by its SPDX identifier; the answers the shared machinery gives for any operation are
 * documented (see {@link #standardAnswers}); nullability is stated consistently (see {@link #filterSchema});
 * schemas that no operation reaches are dropped; and every property of a schema that only answers use is
 * required, because the services write nulls rather than leave them out.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ContractDocs implements OASFilter {

    // Not the application's ObjectMapper: SmallRye OpenAPI instantiates a filter itself (no CDI injection), and this one
    // only turns the documents' example texts into values (numbers exact, as the examples spell them).
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String PROBLEM = "application/problem+json";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getServers() == null || api.getServers().isEmpty()) {
            api.addServer(OASFactory.createServer().url("/")
                    .description("The origin that serves this document: the service itself, or the gateway in front of it"));
        }
        if (api.getInfo() != null && api.getInfo().getLicense() != null && api.getInfo().getLicense().getIdentifier() == null
                && api.getInfo().getLicense().getUrl() == null && "Apache 2.0".equals(api.getInfo().getLicense().getName())) {
            api.getInfo().getLicense().setIdentifier("Apache-2.0");
        }
        if (api.getPaths() != null) {
            api.getPaths().getPathItems().forEach((path, item) -> {
                if (path.startsWith("/api/")) {
                    item.getOperations().values().forEach(op -> standardAnswers(item, op));
                }
            });
            api.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
                if (op.getResponses() != null) {
                    op.getResponses().getAPIResponses().values().forEach(r -> values(r.getContent()));
                }
                RequestBody body = op.getRequestBody();
                if (body != null) {
                    values(body.getContent());
                }
            }));
        }
        schemasAsServed(api);
    }

    /**
     * Nullability stated once, consistently: a nullable reference (the scanner writes {@code type: object} beside
     * {@code anyOf: [$ref, {type: null}]}) admits null in its type too, and a nullable enumeration names null
     * among its values (JSON Schema checks {@code type} and {@code enum} whatever {@code anyOf} says).
     */
    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getType() != null && !schema.getType().contains(Schema.SchemaType.NULL) && schema.getAnyOf() != null
                && schema.getAnyOf().stream().anyMatch(a -> a.getRef() == null
                        && List.of(Schema.SchemaType.NULL).equals(a.getType()))) {
            List<Schema.SchemaType> types = new ArrayList<>(schema.getType());
            types.add(Schema.SchemaType.NULL);
            schema.setType(types);
        }
        if (schema.getType() != null && schema.getType().contains(Schema.SchemaType.NULL)
                && schema.getEnumeration() != null && schema.getEnumeration().stream().noneMatch(Objects::isNull)) {
            List<Object> values = new ArrayList<>(schema.getEnumeration());
            values.add(null);
            schema.setEnumeration(values);
        }
        return schema;
    }

    /**
     * The answers that the shared machinery gives for any operation, documented where the operation's own
     * annotations leave them out (each as a problem): 400 for a malformed parameter or body, 404 for a path that
     * names nothing, 413 and 415 for a body too large or of a type the operation does not take, and 5XX for a
     * failure of the service or of what it depends on (its database, a data owner).
     */
    private static void standardAnswers(PathItem item, Operation op) {
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        boolean pathParams = has(item.getParameters(), Parameter.In.PATH) || has(op.getParameters(), Parameter.In.PATH);
        boolean params = pathParams || has(item.getParameters(), Parameter.In.QUERY) || has(op.getParameters(), Parameter.In.QUERY);
        boolean body = op.getRequestBody() != null;
        if (params || body) {
            problem(op, "400", "Malformed parameter or body");
        }
        if (pathParams) {
            problem(op, "404", "Nothing at this path");
        }
        if (body) {
            problem(op, "413", "Body larger than capaian.http.max-body-size");
            problem(op, "415", "A content type this operation does not take");
        }
        problem(op, "5XX", "The service, or a service or database it depends on, failed; the problem names no internals");
        APIResponses sorted = OASFactory.createAPIResponses();
        new TreeMap<>(op.getResponses().getAPIResponses()).forEach(sorted::addAPIResponse);
        op.setResponses(sorted);
    }

    private static boolean has(List<Parameter> params, Parameter.In in) {
        return params != null && params.stream().anyMatch(p -> p.getIn() == in);
    }

    private static void problem(Operation op, String status, String description) {
        if (op.getResponses().getAPIResponse(status) == null) {
            op.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                    .content(OASFactory.createContent().addMediaType(PROBLEM, OASFactory.createMediaType()
                            .schema(OASFactory.createSchema().ref(SCHEMAS + "Problem")))));
        }
    }

    private static void values(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        content.getMediaTypes().values().forEach(media -> {
            if (media.getExamples() != null) {
                media.getExamples().values().forEach(ContractDocs::value);
            }
            if (media.getExample() instanceof String s && looksLikeJson(s)) {
                media.setExample(parse(s));
            }
        });
    }

    private static void value(Example example) {
        if (example.getValue() instanceof String s && looksLikeJson(s)) {
            example.setValue(parse(s));
        }
    }

    private static boolean looksLikeJson(String s) {
        String t = s.strip();
        return t.startsWith("{") && t.endsWith("}") || t.startsWith("[") && t.endsWith("]");
    }

    private static Object parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Object>() { });
        } catch (IOException e) {
            throw new IllegalStateException("an OpenAPI example is not valid JSON: " + json, e);
        }
    }

    /**
     * Removes the component schemas that no operation reaches, and states what a response always holds: the
     * services write every property of an answer, null or not, so each property of a schema that only answers
     * reach (never a request) is required, unless the schema lists its required properties itself (those whose
     * type leaves out absent values, such as Problem's).
     */
    private static void schemasAsServed(OpenAPI api) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null || api.getPaths() == null) {
            return;
        }
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Deque<Schema> asked = new ArrayDeque<>();
        Deque<Schema> answered = new ArrayDeque<>();
        api.getPaths().getPathItems().values().forEach(item -> {
            params(item.getParameters(), asked);
            item.getOperations().values().forEach(op -> {
                params(op.getParameters(), asked);
                if (op.getRequestBody() != null) {
                    media(op.getRequestBody().getContent(), asked);
                }
                if (op.getResponses() != null) {
                    op.getResponses().getAPIResponses().values().forEach(r -> media(r.getContent(), answered));
                }
            });
        });
        Set<String> inRequests = reach(asked, schemas);
        Set<String> inResponses = reach(answered, schemas);
        new ArrayList<>(schemas.keySet()).stream().filter(n -> !inRequests.contains(n) && !inResponses.contains(n))
                .forEach(api.getComponents()::removeSchema);
        inResponses.stream().filter(n -> !inRequests.contains(n)).map(schemas::get).filter(s -> s != null
                && s.getProperties() != null && !s.getProperties().isEmpty() && (s.getRequired() == null || s.getRequired().isEmpty()))
                .forEach(s -> s.setRequired(new ArrayList<>(s.getProperties().keySet())));
    }

    /** The names of the component schemas that {@code roots} refer to, directly or through other schemas. */
    private static Set<String> reach(Deque<Schema> todo, Map<String, Schema> schemas) {
        Set<String> reached = new HashSet<>();
        while (!todo.isEmpty()) {
            Schema s = todo.pop();
            if (s.getRef() != null && s.getRef().startsWith(SCHEMAS)) {
                String name = s.getRef().substring(SCHEMAS.length());
                if (reached.add(name) && schemas.containsKey(name)) {
                    todo.push(schemas.get(name));
                }
            }
            if (s.getProperties() != null) {
                s.getProperties().values().forEach(todo::push);
            }
            for (List<Schema> list : Arrays.asList(s.getAllOf(), s.getAnyOf(), s.getOneOf(), s.getPrefixItems())) {
                if (list != null) {
                    list.forEach(todo::push);
                }
            }
            for (Schema one : Arrays.asList(s.getItems(), s.getNot(), s.getAdditionalPropertiesSchema())) {
                if (one != null) {
                    todo.push(one);
                }
            }
        }
        return reached;
    }

    private static void params(List<Parameter> params, Deque<Schema> into) {
        if (params != null) {
            params.forEach(p -> {
                if (p.getSchema() != null) {
                    into.push(p.getSchema());
                }
                media(p.getContent(), into);
            });
        }
    }

    private static void media(Content content, Deque<Schema> into) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().stream().filter(m -> m.getSchema() != null).forEach(m -> into.push(m.getSchema()));
        }
    }
}
