package co.softdrive.scim.protocol.patch;

import co.softdrive.scim.protocol.filter.PatchPath;
import jakarta.json.JsonValue;
import java.util.Objects;

/**
 * One PATCH operation (RFC 7644 §3.5.2).
 *
 * @param op add, replace or remove
 * @param path the parsed path, or null when the operation has none
 * @param value the value as sent, or null when absent ({@link JsonValue#NULL} when sent as null)
 */
public record PatchOperation(Op op, PatchPath path, JsonValue value) {
  public PatchOperation {
    Objects.requireNonNull(op);
  }

  /** RFC 7644 §3.5.2 operation names. */
  public enum Op {
    ADD,
    REPLACE,
    REMOVE
  }
}
