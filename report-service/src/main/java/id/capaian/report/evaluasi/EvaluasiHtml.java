package id.capaian.report.evaluasi;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;

/**
 * Formulir E.81 as a self-contained, printable HTML page (A4 landscape, inline CSS, no script), rendered by the Qute
 * template templates/evaluasi/form.html, which escapes every value from the data.
 */
@ApplicationScoped
public class EvaluasiHtml {

    static final java.util.List<String> NUMBERS = java.util.stream.IntStream.rangeClosed(5, 15).mapToObj(String::valueOf).toList();

    @Inject
    @Location("evaluasi/form.html")
    Template form;

    public byte[] render(EvaluasiForm f) {
        return form.data("f", Layout.of(f)).data("paired", Layout.PAIRED).data("numbers", NUMBERS).render().getBytes(StandardCharsets.UTF_8);
    }
}
