package co.softdrive.scim.protocol.limits;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Request limits, each with a {@code scim.limits.*} configuration key (see {@link #KEYS}) and a
 * default that Entra's real traffic never reaches (docs/entra.md#provisioning-cycles and T33 in
 * docs/entra.md#test-vectors: one-attribute filters, 1,000-member PATCHes). Exceeding one is a SCIM
 * error: {@code 413} for the body size, {@code 400 invalidSyntax} for nesting, {@code 400
 * invalidFilter} / {@code invalidPath} for filters and paths, {@code 400 invalidValue} for counts
 * and lengths; {@code count} is silently clamped (RFC 7644 §3.4.2.4 lets a server return fewer
 * results).
 *
 * @param requestBytes largest request body, in bytes, however it is sent (Content-Length or
 *     chunked); a 20,000-member PATCH is about 1 MB
 * @param jsonDepth deepest nesting of JSON objects and arrays in a body; SCIM resources need 4
 * @param patchOperations most operations in one PATCH request
 * @param valuesPerOperation most array elements in one PATCH operation's value, and most group
 *     members in one POST or PUT body
 * @param attributeValues most values of one multi-valued attribute other than group members ({@code
 *     emails}, {@code roles}, ...), in a body and after a PATCH
 * @param stringLength longest string value of an attribute, in characters
 * @param largeStringLength longest {@code x509Certificates.value} and {@code photos.value}
 * @param filterLength longest filter, in characters
 * @param filterDepth deepest nesting of parentheses, {@code not ( )} and value paths in a filter or
 *     PATCH path
 * @param filterOperands most attribute expressions in one filter or PATCH path
 * @param pathLength longest PATCH path or {@code sortBy}, in characters
 * @param maxCount upper bound of {@code count} in a list or search request
 */
public record Limits(
    int requestBytes,
    int jsonDepth,
    int patchOperations,
    int valuesPerOperation,
    int attributeValues,
    int stringLength,
    int largeStringLength,
    int filterLength,
    int filterDepth,
    int filterOperands,
    int pathLength,
    int maxCount) {

  /** The configuration key of each component, in the order of the record components. */
  public static final List<String> KEYS =
      List.of(
          "scim.limits.request-bytes",
          "scim.limits.json-depth",
          "scim.limits.patch-operations",
          "scim.limits.values-per-operation",
          "scim.limits.attribute-values",
          "scim.limits.string-length",
          "scim.limits.large-string-length",
          "scim.limits.filter-length",
          "scim.limits.filter-depth",
          "scim.limits.filter-operands",
          "scim.limits.path-length",
          "scim.limits.max-count");

  private static final Limits DEFAULTS =
      new Limits(4 * 1024 * 1024, 32, 1000, 20_000, 1000, 2048, 16_384, 4096, 16, 64, 1024, 200);

  /** Every limit must be at least 1: a zero would refuse everything. */
  public Limits {
    int[] values = {
      requestBytes, jsonDepth, patchOperations, valuesPerOperation, attributeValues, stringLength,
      largeStringLength, filterLength, filterDepth, filterOperands, pathLength, maxCount
    };
    for (int i = 0; i < values.length; i++) {
      if (values[i] < 1) {
        throw new IllegalArgumentException(KEYS.get(i) + " must be at least 1, not " + values[i]);
      }
    }
  }

  /** The built-in limits: what production runs unless configured otherwise. */
  public static Limits defaults() {
    return DEFAULTS;
  }

  /**
   * Reads the limits from configuration; a missing key keeps its default.
   *
   * @param config looks up a key, e.g. {@code key -> mpConfig.getOptionalValue(key, String.class)}
   * @throws IllegalArgumentException naming the key when a value is not a positive integer
   */
  public static Limits fromConfig(Function<String, Optional<String>> config) {
    int[] d = {
      DEFAULTS.requestBytes, DEFAULTS.jsonDepth, DEFAULTS.patchOperations,
      DEFAULTS.valuesPerOperation, DEFAULTS.attributeValues, DEFAULTS.stringLength,
      DEFAULTS.largeStringLength, DEFAULTS.filterLength, DEFAULTS.filterDepth,
      DEFAULTS.filterOperands, DEFAULTS.pathLength, DEFAULTS.maxCount
    };
    int[] v = new int[d.length];
    for (int i = 0; i < d.length; i++) {
      String key = KEYS.get(i);
      int fallback = d[i];
      v[i] = config.apply(key).filter(s -> !s.isBlank()).map(s -> parse(key, s)).orElse(fallback);
    }
    return new Limits(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11]);
  }

  private static int parse(String key, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer, not '" + value + "'");
    }
  }
}
