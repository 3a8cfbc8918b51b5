/**
 * The change feed: a transactional outbox with a commit-ordered, deployment-wide cursor, the events
 * API, and signed at-least-once webhook delivery with exponential back-off.
 */
package co.softdrive.scim.feed;
