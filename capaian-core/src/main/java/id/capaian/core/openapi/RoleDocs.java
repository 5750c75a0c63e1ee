package id.capaian.core.openapi;

import id.capaian.core.security.Action;
import id.capaian.core.security.Internal;
import id.capaian.core.security.Requires;
import id.capaian.core.security.Role;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Names in every /api operation the roles it admits, from the {@link Requires} rule of its Java method: the
 * extension {@code x-roles} (role claims) and a sentence at the end of its description. The methods are found by
 * their {@code @Operation(operationId)} among the service's classes (every operation has one), so the document
 * says what {@link id.capaian.core.security.AccessFilter} enforces.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = -100) // last: after the filters that amend descriptions
public class RoleDocs implements OASFilter {

    static final String PACKAGE = "id/capaian/";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        Map<String, Requires> rules = new HashMap<>();
        java.util.Set<String> internal = new java.util.HashSet<>();
        scan(rules, internal);
        api.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            for (Operation op : item.getOperations().values()) {
                Requires rule = op.getOperationId() == null ? null : rules.get(op.getOperationId());
                if (rule == null) {
                    continue;
                }
                Action a = rule.value();
                op.addExtension("x-roles", a.roles().stream().map(Role::claim).toList());
                String sentence = "Roles: " + a.who() + (rule.publicWhenLocked()
                        ? "; without a token too when the year (or this OPD) is locked and the deployment publishes "
                                + "locked years (`capaian.reports.public-when-locked`)"
                        : "") + ".";
                if (internal.contains(op.getOperationId())) {
                    op.addExtension("x-internal", true);
                    sentence += " Internal: only report-service calls it, on the service's internal port "
                            + "(`capaian.http.internal-port`); the Ingress does not route it and elsewhere it answers 404.";
                }
                String d = op.getDescription();
                op.setDescription(d == null || d.isBlank() ? sentence : d.strip() + "\n\n" + sentence);
            }
        });
    }

    /**
     * operationId → the rule of its method, over every class of the service under {@code id/capaian/}, and the
     * operationIds of {@link Internal} resources.
     */
    static void scan(Map<String, Requires> rules, java.util.Set<String> internal) {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        for (String name : classNames(cl)) {
            Class<?> c;
            try {
                c = Class.forName(name, false, cl);
            } catch (Throwable notLoadable) {
                continue;
            }
            if (c.isInterface() || Modifier.isAbstract(c.getModifiers())) {
                continue;
            }
            Method[] methods;
            try {
                methods = c.getMethods();
            } catch (Throwable unresolvable) {
                continue;
            }
            for (Method m : methods) {
                Requires r = m.getAnnotation(Requires.class);
                org.eclipse.microprofile.openapi.annotations.Operation o =
                        m.getAnnotation(org.eclipse.microprofile.openapi.annotations.Operation.class);
                if (r != null && o != null && !o.operationId().isEmpty()) {
                    rules.put(o.operationId(), r);
                    if (c.isAnnotationPresent(Internal.class)) {
                        internal.add(o.operationId());
                    }
                }
            }
        }
    }

    private static List<String> classNames(ClassLoader cl) {
        TreeSet<String> names = new TreeSet<>();
        try {
            List<URL> roots = new ArrayList<>(java.util.Collections.list(cl.getResources(PACKAGE)));
            roots.addAll(java.util.Collections.list(cl.getResources(PACKAGE.substring(0, PACKAGE.length() - 1))));
            // the application's own classes, found beside its configuration (a class loader may list no directories)
            for (URL config : java.util.Collections.list(cl.getResources("application.properties"))) {
                if (config.getProtocol().equals("file")) {
                    roots.add(Path.of(config.toURI()).getParent().resolve(PACKAGE).toUri().toURL());
                }
            }
            for (URL root : roots) {
                if (root.getProtocol().equals("file")) {
                    Path dir = Path.of(root.toURI());
                    if (!Files.isDirectory(dir)) {
                        continue;
                    }
                    try (Stream<Path> files = Files.walk(dir)) {
                        files.filter(f -> f.toString().endsWith(".class")).forEach(f -> names.add(
                                PACKAGE.replace('/', '.') + dir.relativize(f).toString()
                                        .replace(File.separatorChar, '.').replaceAll("\\.class$", "")));
                    }
                } else if (root.getProtocol().equals("jar")) {
                    JarURLConnection jar = (JarURLConnection) root.openConnection();
                    jar.setUseCaches(false);
                    try (JarFile f = jar.getJarFile()) {
                        for (Enumeration<JarEntry> e = f.entries(); e.hasMoreElements(); ) {
                            String n = e.nextElement().getName();
                            if (n.startsWith(PACKAGE) && n.endsWith(".class")) {
                                names.add(n.replace('/', '.').replaceAll("\\.class$", ""));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return new ArrayList<>(names);
    }
}
