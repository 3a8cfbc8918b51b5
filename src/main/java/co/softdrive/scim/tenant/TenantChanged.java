package co.softdrive.scim.tenant;

/**
 * A CDI event: a tenant's name, status or settings were changed on this instance. Fired by {@link
 * TenantService} inside the change's transaction; what an instance caches per tenant (token
 * verdicts, request rates) observes it after commit ({@code TransactionPhase.AFTER_SUCCESS}), so
 * that this instance reacts at once. Other instances see the change when their caches expire.
 *
 * @param tenantId the tenant that changed
 */
public record TenantChanged(String tenantId) {}
