/**
 * One transaction per SCIM request: create, replace, patch and delete Users and Groups of one
 * tenant, mapping canonical SCIM JSON (from {@code protocol}) onto entities and indexed columns.
 * Each write applies the lifecycle rules and appends its change events before commit; user and
 * group rows are locked for the duration of a write so concurrent PATCHes never lose an update.
 */
package co.softdrive.scim.provisioning;
