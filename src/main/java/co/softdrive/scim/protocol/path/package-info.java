/**
 * Attribute references (RFC 7644 §3.4.2.2 attrPath): {@link
 * co.softdrive.scim.protocol.path.AttrPath}, the record every other protocol package names
 * attributes with. Plain Java; it imports nothing else of ours, so filters, PATCH paths, schemas
 * and queries can all use it. PATCH paths, which hold a value filter, are in the {@code filter}
 * package.
 */
package co.softdrive.scim.protocol.path;
