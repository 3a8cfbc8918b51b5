/**
 * Whether this instance may serve: liveness (the process answers, whatever the database does) and
 * readiness (the database answers and its schema is current for this build), as MicroProfile Health
 * checks. {@link co.softdrive.scim.health.DatabaseState} holds what start-up found of the schema;
 * background work and the error mapper ask it and {@link co.softdrive.scim.health.DatabaseProbe}
 * before touching the database.
 */
package co.softdrive.scim.health;
