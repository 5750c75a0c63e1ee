package id.capaian.report.export;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;

/**
 * The printable pages (A4 landscape, inline style, no script), rendered by Qute templates that escape every value
 * from the data; answered with {@link Answers#CSP}.
 */
@ApplicationScoped
public class Pages {

    @Inject
    @Location("export/table.html")
    Template table;

    public byte[] table(TablePage page) {
        return table.data("p", page).render().getBytes(StandardCharsets.UTF_8);
    }
}
