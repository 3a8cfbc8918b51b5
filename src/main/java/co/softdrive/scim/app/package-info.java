/**
 * The application's wiring, above every other package and imported by none: the JAX-RS {@link
 * co.softdrive.scim.app.ScimApplication}, {@link co.softdrive.scim.app.Startup} (schema migrations,
 * the first admin account, then the jobs) and the one {@link co.softdrive.scim.app.JobScheduler}
 * that runs every background job on the container's managed scheduler; and what every answer of the
 * web application gets: its security headers ({@link co.softdrive.scim.app.SecurityHeadersFilter})
 * and the session cookie's {@code Secure} flag ({@link co.softdrive.scim.app.SessionCookies}).
 */
package co.softdrive.scim.app;
