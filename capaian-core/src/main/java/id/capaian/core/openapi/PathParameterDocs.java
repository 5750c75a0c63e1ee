package id.capaian.core.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Documents every path template variable that an operation leaves undocumented. The scanner does not
 * see the path parameters of operations inherited from core's shared resources (audit trail, year
 * lock); their meaning is the same in every service, so it is stated once here.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class PathParameterDocs implements OASFilter {

    static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    static final Map<String, String[]> KNOWN = Map.of(
            "pemda", new String[] {"63.10", "Kode pemda: a kabupaten/kota (63.10) or a provinsi (63)"},
            "tahun", new String[] {"2024", "Tahun anggaran (budget year), 2000..2100"},
            "opd", new String[] {"P3AP2KB", "OPD code"});

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> {
            for (Operation op : item.getOperations().values()) {
                Set<String> documented = new HashSet<>();
                names(item.getParameters(), documented);
                names(op.getParameters(), documented);
                Matcher m = VARIABLE.matcher(path);
                while (m.find()) {
                    String name = m.group(1);
                    if (!documented.contains(name)) {
                        String[] known = KNOWN.getOrDefault(name, new String[] {null, null});
                        op.addParameter(OASFactory.createParameter().name(name).in(Parameter.In.PATH).required(true)
                                .description(known[1]).example(known[0])
                                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
                    }
                }
            }
        });
    }

    private static void names(List<Parameter> params, Set<String> into) {
        if (params != null) {
            params.stream().filter(p -> p.getIn() == Parameter.In.PATH).forEach(p -> into.add(p.getName()));
        }
    }
}
