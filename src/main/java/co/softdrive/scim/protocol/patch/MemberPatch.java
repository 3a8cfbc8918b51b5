package co.softdrive.scim.protocol.patch;

import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.filter.PatchPath;
import co.softdrive.scim.protocol.limits.Limits;
import co.softdrive.scim.protocol.patch.PatchOperation.Op;
import co.softdrive.scim.protocol.patch.entra.ClearingValues;
import co.softdrive.scim.protocol.patch.entra.EntraQuirks;
import co.softdrive.scim.protocol.patch.entra.FilteredMemberRemove;
import co.softdrive.scim.protocol.patch.entra.RemoveMembersByValueArray;
import co.softdrive.scim.protocol.schema.MemberValues;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * A PATCH operation on a Group's {@code members}: never applied to the JSON, handed to the caller
 * as {@link MemberChange}s.
 */
final class MemberPatch {
  private final EntraQuirks quirks;
  private final Limits limits;

  MemberPatch(EntraQuirks quirks, Limits limits) {
    this.quirks = quirks;
    this.limits = limits;
  }

  // --- Group members: handed to the caller as MemberChanges ---

  void applyMembers(PatchTarget w, Op op, PatchPath path, JsonValue value) {
    if (path.attr().hasSubAttribute() || path.elementSubAttribute() != null) {
      throw ScimBadRequest.invalidPath(
          "only 'members' and 'members[value eq \"id\"]' can be patched");
    }
    if (path.hasFilter()) {
      if (op != Op.REMOVE) {
        throw ScimBadRequest.invalidPath("a filter on 'members' is supported only with 'remove'");
      }
      if (!quirks.filteredMemberRemove()) {
        throw ScimBadRequest.invalidPath("a filter on 'members' is not accepted");
      }
      w.memberChanges.add(MemberChange.remove(FilteredMemberRemove.ids(path.valueFilter())));
      return;
    }
    boolean noValue = ClearingValues.clears(value, quirks.clearingValues());
    switch (op) {
      case ADD -> {
        List<String> ids = noValue ? List.of() : memberIds(value);
        if (!ids.isEmpty()) {
          w.memberChanges.add(MemberChange.add(ids));
        }
      }
      case REPLACE ->
          w.memberChanges.add(MemberChange.replaceAll(noValue ? List.of() : memberIds(value)));
      case REMOVE -> {
        if (noValue) {
          w.memberChanges.add(MemberChange.removeAll());
        } else if (!quirks.removeMembersByValueArray()) {
          throw ScimBadRequest.invalidSyntax(
              "'remove' of 'members' takes no value; use 'members[value eq \"id\"]'");
        } else {
          List<String> ids = RemoveMembersByValueArray.ids(value, limits.valuesPerOperation());
          if (!ids.isEmpty()) {
            w.memberChanges.add(MemberChange.remove(ids));
          }
        }
      }
    }
  }

  private List<String> memberIds(JsonValue value) {
    return MemberValues.of(value, "members", limits.valuesPerOperation());
  }
}
