package co.softdrive.scim.inspection;

/** What a paged list asks for: offset, size, an optional sort field and direction. */
public record Slice(int offset, int limit, String sortField, boolean ascending) {
  public Slice {
    offset = Math.max(0, offset);
    limit = Math.max(1, Math.min(200, limit));
  }

  public static Slice first(int limit) {
    return new Slice(0, limit, null, true);
  }
}
