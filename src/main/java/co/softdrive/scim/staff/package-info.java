/**
 * Softdrive staff accounts (roles {@code support}, {@code admin}, and {@code events} for feed
 * consumers), PBKDF2 password hashes, the first-admin bootstrap, and the Jakarta Security identity
 * store and authentication mechanism. Credentials that cannot be checked because the database is
 * unavailable are answered 503 with {@code Retry-After}, never 401 or 403.
 */
package co.softdrive.scim.staff;
