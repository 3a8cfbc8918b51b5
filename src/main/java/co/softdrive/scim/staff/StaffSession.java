package co.softdrive.scim.staff;

import java.io.Serializable;

/** Who signed in to the console, kept in the HTTP session; roles are re-read on every request. */
record StaffSession(String username, long signedInAt) implements Serializable {
  static final String ATTRIBUTE = StaffSession.class.getName();
}
