package co.softdrive.scim.resource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How the activity log names the SCIM operation a resource serves ({@code
 * activity.ScimOperation#NAMES}): on a root resource class the resource type ({@code Users}, {@code
 * Groups}) or the whole operation ({@code Discovery}); on a resource method the operation ({@code
 * list}, {@code patch}), so that the shared edge ({@link ResourceEndpoint}) names its methods once
 * for both types: {@code Users.patch}. {@link ActivityRecordingFilter} reads it from the class and
 * method JAX-RS matched, and the resource id from the matched {@code {id}} path parameter; only
 * requests refused before matching (401, 429) or matching nothing (404, 405) are classified from
 * their path.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RecordedAs {
  String value();
}
