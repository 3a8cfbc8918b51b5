package co.softdrive.scim.protocol.patch;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * What a PATCH produced.
 *
 * @param resource the patched resource JSON (without Group members)
 * @param memberChanges membership changes to apply, in order; empty for Users
 * @param modified whether the JSON changed or any member change was asked for
 */
public record PatchResult(JsonObject resource, List<MemberChange> memberChanges, boolean modified) {
  public PatchResult {
    Objects.requireNonNull(resource);
    memberChanges = List.copyOf(memberChanges);
  }
}
