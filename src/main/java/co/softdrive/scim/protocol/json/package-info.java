/**
 * JSON-P plumbing shared by every layer: the provider, looked up once ({@link
 * co.softdrive.scim.protocol.json.JsonFactory}), and the SCIM JSON of a stored resource ({@link
 * co.softdrive.scim.protocol.json.ScimJson} parses what is stored and renders a {@link
 * co.softdrive.scim.protocol.json.ResourceView} with {@code id} and {@code meta}). Plain Java and
 * JSON-P only, so provisioning, the change feed, lifecycle, the console's read models and the
 * JAX-RS edge can all read stored attributes without importing one another.
 */
package co.softdrive.scim.protocol.json;
