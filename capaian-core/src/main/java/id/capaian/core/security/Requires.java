package id.capaian.core.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@link Action} a REST operation performs; {@link AccessFilter} checks it against the caller and
 * the pemda/opd path parameters before the operation runs. An /api operation without it is refused.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Requires {

    Action value();

    /** Readable without a token when the year is locked and the deployment publishes locked years. */
    boolean publicWhenLocked() default false;
}
