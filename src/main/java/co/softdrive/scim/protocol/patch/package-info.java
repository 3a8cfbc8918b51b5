/**
 * SCIM PATCH (RFC 7644 §3.5.2): {@link co.softdrive.scim.protocol.patch.PatchRequest} reads the
 * body, {@link co.softdrive.scim.protocol.patch.PatchEngine} applies it to a resource's JSON as a
 * pure, all-or-nothing function and returns Group membership changes as {@link
 * co.softdrive.scim.protocol.patch.MemberChange}s for the caller to apply in the database. The
 * Entra workarounds live one per class in {@code entra}, each behind a flag of {@link
 * co.softdrive.scim.protocol.patch.entra.EntraQuirks}. Plain Java and JSON-P only.
 */
package co.softdrive.scim.protocol.patch;
