/**
 * The change feed: a transactional outbox with a commit-ordered, deployment-wide cursor, the events
 * API, and signed at-least-once webhook delivery with exponential back-off. Its background work
 * runs as two scheduled jobs, {@link co.softdrive.scim.feed.SequencerJob} and {@link
 * co.softdrive.scim.feed.WebhookDeliveryJob}.
 */
package co.softdrive.scim.feed;
