package co.softdrive.scim.protocol.patch.entra;

import co.softdrive.scim.protocol.schema.ValueRewrite;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which Entra workarounds are on. Every flag defaults to {@code true}: Entra sends these forms
 * today, with or without the {@code aadOptscim062020} flag (docs/entra.md#quirks). Each flag has a
 * config key {@code scim.entra.<quirk>.enabled}, declared as {@code FLAG} on the quirk's class.
 *
 * @param capitalisedOps {@link CapitalisedOps} (Q1)
 * @param stringBooleans {@link StringBooleans} (Q2)
 * @param removeMembersByValueArray {@link RemoveMembersByValueArray} (Q3)
 * @param filteredMemberRemove {@link FilteredMemberRemove} (Q4)
 * @param dottedPathKeys {@link DottedPathKeys} (Q5)
 * @param urnQualifiedKeys {@link UrnQualifiedKeys} (Q6)
 * @param managerShorthand {@link ManagerShorthand} (Q7)
 * @param upsertFilteredElement {@link UpsertFilteredElement} (Q8)
 * @param rolesAsJsonStrings {@link RolesAsJsonStrings} (Q9)
 * @param clearingValues {@link ClearingValues} (Q10)
 */
public record EntraQuirks(
    boolean capitalisedOps,
    boolean stringBooleans,
    boolean removeMembersByValueArray,
    boolean filteredMemberRemove,
    boolean dottedPathKeys,
    boolean urnQualifiedKeys,
    boolean managerShorthand,
    boolean upsertFilteredElement,
    boolean rolesAsJsonStrings,
    boolean clearingValues) {

  /** Every config key, in the order of the record components. */
  public static final List<String> KEYS =
      List.of(
          CapitalisedOps.FLAG,
          StringBooleans.FLAG,
          RemoveMembersByValueArray.FLAG,
          FilteredMemberRemove.FLAG,
          DottedPathKeys.FLAG,
          UrnQualifiedKeys.FLAG,
          ManagerShorthand.FLAG,
          UpsertFilteredElement.FLAG,
          RolesAsJsonStrings.FLAG,
          ClearingValues.FLAG);

  /** All workarounds on: what production runs. */
  public static EntraQuirks defaults() {
    return new EntraQuirks(true, true, true, true, true, true, true, true, true, true);
  }

  /** All workarounds off: strict RFC 7644 behaviour. */
  public static EntraQuirks none() {
    return new EntraQuirks(false, false, false, false, false, false, false, false, false, false);
  }

  /**
   * Reads the flags from configuration; a missing key means {@code true}.
   *
   * @param config looks up a key, e.g. {@code key -> mpConfig.getOptionalValue(key, String.class)}
   */
  public static EntraQuirks fromConfig(Function<String, Optional<String>> config) {
    boolean[] f = new boolean[KEYS.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = config.apply(KEYS.get(i)).map(v -> !v.trim().equalsIgnoreCase("false")).orElse(true);
    }
    return new EntraQuirks(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9]);
  }

  /** The value rewrites to give {@code ResourceNormalizer} and the PATCH engine. */
  public List<ValueRewrite> valueRewrites() {
    List<ValueRewrite> rewrites = new ArrayList<>();
    if (stringBooleans) {
      rewrites.add(new StringBooleans());
    }
    if (managerShorthand) {
      rewrites.add(new ManagerShorthand());
    }
    if (rolesAsJsonStrings) {
      rewrites.add(new RolesAsJsonStrings());
    }
    return rewrites;
  }
}
