package dz.libertaphonix.scheduler.api.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a state-changing endpoint: every call to it, whatever its outcome (done, refused for lack
 * of rights, rejected as invalid, failed), writes one {@code audit_events} row before the answer
 * leaves.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Audited {

    /** What is asked, such as {@code schedule.stop}. */
    String action();

    /**
     * What it is asked of; {@code {name}} is replaced by that path parameter
     * ({@code store:{id}} → {@code store:12}).
     */
    String target() default "";
}
