/**
 * Attribute references and PATCH paths (RFC 7644 §3.4.2.2 attrPath, §3.5.2 PATH): {@link
 * co.softdrive.scim.protocol.path.AttrPath}, {@link co.softdrive.scim.protocol.path.PatchPath} and
 * {@link co.softdrive.scim.protocol.path.PathParser}. The path grammar shares the filter package's
 * lexer and value-filter rule; its EBNF is in the {@code filter} package documentation.
 */
package co.softdrive.scim.protocol.path;
