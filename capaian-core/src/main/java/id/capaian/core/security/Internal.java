package id.capaian.core.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource whose operations only report-service calls (an owner's year lock and month closing): when
 * {@code capaian.http.internal-port} is set, they answer only on that port ({@link InternalPort}), which the
 * Kubernetes NetworkPolicy opens to report-service's pods alone; on the public port they answer 404.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Internal {
}
