/**
 * One class per Microsoft Entra provisioning quirk (docs/entra.md#quirks, Q1 to Q10): its Javadoc
 * shows what Entra sends, the RFC form we turn it into and the source; its {@code FLAG} constant is
 * the config key {@code scim.entra.<quirk>.enabled} (default true) read by {@link
 * co.softdrive.scim.protocol.patch.entra.EntraQuirks#fromConfig}.
 */
package co.softdrive.scim.protocol.patch.entra;
