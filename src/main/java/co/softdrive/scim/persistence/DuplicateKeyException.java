package co.softdrive.scim.persistence;

import jakarta.persistence.PersistenceException;

/**
 * A row was refused by a unique index (SQL state 23505): the caller answers with its own uniqueness
 * error. The statement's transaction is rolled back by the caller's exception.
 */
public class DuplicateKeyException extends PersistenceException {
  private static final long serialVersionUID = 1L;

  public DuplicateKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
