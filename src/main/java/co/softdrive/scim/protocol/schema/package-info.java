/**
 * What SCIM resources look like here: the schemas (RFC 7643 §4, §8.7) and resource types (§6) in
 * {@link co.softdrive.scim.protocol.schema.SchemaRegistry}, the normalisation of POST/PUT bodies
 * into canonical JSON ({@link co.softdrive.scim.protocol.schema.ResourceNormalizer}, sharing its
 * value checks with PATCH through {@link co.softdrive.scim.protocol.schema.ValueCoercer}), and the
 * discovery documents {@code /Schemas}, {@code /ResourceTypes}, {@code /ServiceProviderConfig} (RFC
 * 7644 §4). Plain Java and JSON-P only.
 */
package co.softdrive.scim.protocol.schema;
