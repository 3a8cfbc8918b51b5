package co.softdrive.scim.staff;

import co.softdrive.scim.persistence.StaffAccountEntity;
import co.softdrive.scim.persistence.StaffAccounts;
import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.error.ScimErrors;
import co.softdrive.scim.transaction.QuietClientErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Staff accounts of Softdrive support: roles {@code support} and {@code admin}, passwords stored as
 * PBKDF2-HMAC-SHA512 hashes (210,000 iterations; {@link StaffPasswords}). A wrong password costs
 * one PBKDF2 run whether the account exists, is disabled or does not exist.
 *
 * <p>Because HTTP Basic presents the password on every admin API call, a successful check is
 * remembered for {@link #VERIFIED_CACHE_MILLIS} under a SHA-256 of the credentials (never the
 * password itself), together with the stored hash it matched. The memory saves only the slow PBKDF2
 * computation: every call still reads the account (one primary-key lookup), so disabling an
 * account, a new password or new roles take effect at once on every instance.
 */
@ApplicationScoped
@QuietClientErrors
public class StaffService {
  private static final Logger LOG = Logger.getLogger(StaffService.class.getName());
  public static final String SUPPORT = "support";
  public static final String ADMIN = "admin";

  /** Read-only access to the change feed, for consumer services. */
  public static final String EVENTS = "events";

  static final Set<String> ROLES = Set.of(SUPPORT, ADMIN, EVENTS);
  static final int MIN_PASSWORD_LENGTH = 12;
  static final long VERIFIED_CACHE_MILLIS = 60_000;

  @Inject StaffAccounts accounts;
  @Inject Pbkdf2PasswordHash passwordHash;

  StaffPasswords passwords;

  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  private record Verified(String storedHash, long at) {}

  /** A staff account as lists show it. */
  public record StaffView(
      String username, Set<String> roles, boolean enabled, Instant createdAt, Instant updatedAt) {
    static StaffView of(StaffAccountEntity s) {
      return new StaffView(
          s.getUsername(),
          s.getRoles(),
          s.isEnabled(),
          Instant.ofEpochMilli(s.getCreatedAt()),
          Instant.ofEpochMilli(s.getUpdatedAt()));
    }
  }

  @jakarta.annotation.PostConstruct
  void init() {
    passwords = new StaffPasswords(passwordHash);
  }

  /** The roles of a valid, enabled account whose password matches; empty otherwise. */
  public Optional<Set<String>> verify(String username, String password) {
    if (username == null || password == null || username.isEmpty() || password.isEmpty()) {
      return Optional.empty();
    }
    return verify(accounts.find(username).orElse(null), username, password);
  }

  /** {@link #verify} of the account as read ({@code null}: there is none). */
  Optional<Set<String>> verify(StaffAccountEntity account, String username, String password) {
    String stored = account != null && account.isEnabled() ? account.getPasswordHash() : null;
    String key = fingerprint(username, password);
    long now = System.currentTimeMillis();
    Verified hit = verified.get(key);
    boolean remembered =
        stored != null
            && hit != null
            && now - hit.at() < VERIFIED_CACHE_MILLIS
            && hit.storedHash().equals(stored);
    if (!remembered) {
      if (!passwords.matches(password, stored)) {
        return Optional.empty();
      }
      if (verified.size() > 10_000) {
        verified.clear();
      }
      verified.put(key, new Verified(stored, now));
    }
    return Optional.of(account.getRoles());
  }

  /**
   * The roles of credentials that {@link #verify} accepted within {@link #VERIFIED_CACHE_MILLIS}
   * for the account as it is now (enabled, same stored hash); empty otherwise, without hashing the
   * password. Lets a sign-in that is being throttled still succeed with the right password when it
   * was just used, at the cost of one account read.
   */
  public Optional<Set<String>> verifiedRecently(String username, String password) {
    if (username == null || password == null) {
      return Optional.empty();
    }
    Verified hit = verified.get(fingerprint(username, password));
    if (hit == null || System.currentTimeMillis() - hit.at() >= VERIFIED_CACHE_MILLIS) {
      return Optional.empty();
    }
    StaffAccountEntity account = accounts.find(username).orElse(null);
    return account != null
            && account.isEnabled()
            && hit.storedHash().equals(account.getPasswordHash())
        ? Optional.of(account.getRoles())
        : Optional.empty();
  }

  /**
   * The roles of an enabled account, read now: a console session re-checks it on every request so
   * that disabling an account or changing its roles takes effect at once.
   */
  public Optional<Set<String>> currentRoles(String username) {
    StaffAccountEntity account = username == null ? null : accounts.find(username).orElse(null);
    return account == null || !account.isEnabled()
        ? Optional.empty()
        : Optional.of(account.getRoles());
  }

  /** Whether a staff account of this name exists (enabled or not). */
  public boolean exists(String username) {
    return username != null && !username.isEmpty() && accounts.find(username).orElse(null) != null;
  }

  public List<StaffView> list() {
    return accounts.list().stream().map(StaffView::of).toList();
  }

  @Transactional
  public StaffView create(String username, String password, Set<String> roles) {
    String name = username == null ? "" : username.strip();
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}")) {
      throw ScimBadRequest.invalidValue(
          "username must be 1-100 characters of letters, digits, '.', '_', '@' or '-'");
    }
    Set<String> clean = validRoles(roles);
    validPassword(password);
    if (accounts.find(name).orElse(null) != null) {
      throw ScimErrors.uniqueness("A staff account named \"" + name + "\" already exists");
    }
    StaffAccountEntity account =
        new StaffAccountEntity(name, passwords.hash(password), clean, System.currentTimeMillis());
    accounts.add(account);
    LOG.log(Level.INFO, "Staff account {0} created with roles {1}", new Object[] {name, clean});
    return StaffView.of(account);
  }

  @Transactional
  public StaffView update(String username, Boolean enabled, String password, Set<String> roles) {
    StaffAccountEntity account = accounts.find(username).orElse(null);
    if (account == null) {
      throw ScimErrors.notFound("Staff account " + username + " not found");
    }
    long now = System.currentTimeMillis();
    if (password != null) {
      validPassword(password);
      account.setPasswordHash(passwords.hash(password), now);
    }
    if (roles != null) {
      account.setRoles(validRoles(roles), now);
    }
    if (enabled != null) {
      account.setEnabled(enabled, now);
    }
    LOG.log(Level.INFO, "Staff account {0} updated", username);
    return StaffView.of(account);
  }

  /**
   * Creates the first admin account ({@code admin} and {@code support} roles) when no staff account
   * exists; returns whether it did. Start-up calls it on every instance, so two instances starting
   * together on an empty database race: the loser's commit fails on the primary key.
   */
  @Transactional
  public boolean createFirstAdmin(String username, String password) {
    if (accounts.count() > 0) {
      return false;
    }
    accounts.add(
        new StaffAccountEntity(
            username,
            passwords.hash(password),
            new LinkedHashSet<>(List.of(ADMIN, SUPPORT)),
            System.currentTimeMillis()));
    return true;
  }

  /** Whether any staff account exists. */
  public boolean anyAccount() {
    return accounts.count() > 0;
  }

  /** A random first password (144 bits, base64url). */
  public static String randomPassword() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static Set<String> validRoles(Set<String> roles) {
    if (roles == null || roles.isEmpty()) {
      throw ScimBadRequest.invalidValue("roles must contain \"support\", \"admin\" or \"events\"");
    }
    Set<String> clean = new LinkedHashSet<>();
    for (String role : roles) {
      if (role == null || !ROLES.contains(role)) {
        throw ScimBadRequest.invalidValue(
            "unknown role; roles are \"support\", \"admin\" and \"events\"");
      }
      clean.add(role);
    }
    return clean;
  }

  private static void validPassword(String password) {
    if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > 200) {
      throw ScimBadRequest.invalidValue(
          "password must be " + MIN_PASSWORD_LENGTH + " to 200 characters long");
    }
  }

  private static String fingerprint(String username, String password) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(username.getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      md.update(password.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
