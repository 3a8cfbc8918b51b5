package co.softdrive.scim.resource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks every SCIM resource class. {@link ScimResourceAuthFilter} is bound to it, so a request
 * JAX-RS matched to one of these classes never runs without an authenticated token, whatever the
 * spelling of its path.
 */
@jakarta.ws.rs.NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ScimApi {}
