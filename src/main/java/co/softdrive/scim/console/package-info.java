/**
 * Faces backing beans of the support console, one per page and named after it ({@code TenantsPage}
 * backs {@code console/tenants.xhtml}); {@link Layout} backs the one template. Beans call the same
 * services as the admin API ({@code tenant}, {@code token}, {@code staff}) and the read models of
 * {@code inspection} and {@code activity}, and expose view records, never entities. Long lists are
 * {@link PagedModel}s: PrimeFaces asks for one page, the database answers it. Everything Entra sent
 * is rendered through Faces output components, which escape it.
 */
package co.softdrive.scim.console;
