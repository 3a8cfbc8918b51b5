package co.softdrive.scim.activity;

import jakarta.enterprise.context.RequestScoped;

/**
 * The change of the current request, handed from the provisioning services to the activity
 * recorder: the services fill it with what they already hold when they answer (no extra query), the
 * JAX-RS edge reads it when it records the request. Request-scoped; outside a request (a scheduled
 * job) use {@link ChangeLog}, which does nothing there.
 */
@RequestScoped
public class ChangeNotes {
  private ResourceChange change;

  public void set(ResourceChange change) {
    this.change = change;
  }

  /** The change noted by this request, or null. */
  public ResourceChange get() {
    return change;
  }
}
