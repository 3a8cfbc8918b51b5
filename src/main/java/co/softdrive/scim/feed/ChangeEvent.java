package co.softdrive.scim.feed;

import jakarta.json.JsonObject;

/**
 * A change the rest of Softdrive hears about, before it has a cursor.
 *
 * @param tenantId the tenant
 * @param type e.g. {@code account.deleted}, {@code group.members.added} (see {@link EventTypes})
 * @param resourceType {@code User} or {@code Group}
 * @param resourceId the SCIM id
 * @param data type-specific details (never secrets)
 */
public record ChangeEvent(
    String tenantId, String type, String resourceType, String resourceId, JsonObject data) {}
