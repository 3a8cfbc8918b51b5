package co.softdrive.scim.persistence;

import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * EclipseLink re-runs a read outside a transaction whose connection failed; by default up to three
 * times, 5 seconds apart. During a database outage that held every token check (and so every SCIM
 * request) for 10 seconds or more before its 503. Here a failed read is retried once, at once, on a
 * fresh connection: enough for a connection the database dropped while it was idle in the pool.
 */
public class ReadRetryCustomizer implements SessionCustomizer {
  static final int RETRIES = 1;

  @Override
  public void customize(Session session) {
    DatabaseLogin login = session.getLogin();
    login.setQueryRetryAttemptCount(RETRIES);
    login.setDelayBetweenConnectionAttempts(0);
  }
}
