package co.softdrive.scim.protocol.schema;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * A POST/PUT body after {@link ResourceNormalizer}: the attributes to store, and for a Group the
 * member ids, which live in their own table rather than in the JSON.
 *
 * @param attributes canonical resource JSON, without {@code id}, {@code meta} or {@code members}
 * @param memberValues member ids in the order sent (duplicates removed), or null when the body had
 *     no {@code members}
 */
public record NormalizedResource(JsonObject attributes, List<String> memberValues) {
  public NormalizedResource {
    Objects.requireNonNull(attributes);
    memberValues = memberValues == null ? null : List.copyOf(memberValues);
  }
}
