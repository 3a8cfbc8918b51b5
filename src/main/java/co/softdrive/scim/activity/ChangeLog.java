package co.softdrive.scim.activity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;

/**
 * Where the provisioning services note what a request changed ({@link ChangeNotes}). Safe to call
 * from any thread: without an active request (a scheduled job, a test) the note is dropped.
 */
@ApplicationScoped
public class ChangeLog {
  @Inject ChangeNotes notes;

  public void note(ResourceChange change) {
    try {
      notes.set(change);
    } catch (ContextNotActiveException e) {
      // no request: nothing records it
    }
  }
}
