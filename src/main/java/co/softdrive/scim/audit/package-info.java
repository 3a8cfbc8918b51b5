/** The account audit trail: who (token, staff, job) changed which account, when, and why. */
package co.softdrive.scim.audit;
