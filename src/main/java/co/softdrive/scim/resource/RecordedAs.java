package co.softdrive.scim.resource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The SCIM operation a resource method serves, as the activity log names it ({@code
 * activity.ScimOperation#NAMES}). {@link ActivityRecordingFilter} reads it from the method JAX-RS
 * matched, and the resource id from the matched {@code {id}} path parameter; only requests refused
 * before matching (401, 429) or matching nothing (404, 405) are classified from their path.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RecordedAs {
  String value();
}
