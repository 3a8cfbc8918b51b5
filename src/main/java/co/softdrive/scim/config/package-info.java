/**
 * Settings that several packages share, read from MicroProfile Config in one place each (defaults
 * and meaning in META-INF/microprofile-config.properties): {@link
 * co.softdrive.scim.config.ScimConfig} for the SCIM protocol (page size, public base URL) and
 * {@link co.softdrive.scim.config.LimitsConfig} for every {@code scim.limits.*} key, which builds
 * the plain {@code protocol.limits.Limits} handed to the parsers. Settings of one capability stay
 * in its own package (for example {@code lifecycle.LifecycleConfig}).
 */
package co.softdrive.scim.config;
