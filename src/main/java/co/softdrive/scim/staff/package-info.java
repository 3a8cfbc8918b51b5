/**
 * Softdrive staff accounts (roles {@code support}, {@code admin}, and {@code events} for feed
 * consumers), PBKDF2 password hashes, the first-admin bootstrap, and the Jakarta Security identity
 * store and authentication mechanism.
 */
package co.softdrive.scim.staff;
