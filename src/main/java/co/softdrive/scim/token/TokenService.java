package co.softdrive.scim.token;

import co.softdrive.scim.persistence.TenantId;
import co.softdrive.scim.persistence.TenantStatus;
import co.softdrive.scim.persistence.TokenEntity;
import co.softdrive.scim.persistence.Tokens;
import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.error.ScimErrors;
import co.softdrive.scim.tenant.TenantChanged;
import co.softdrive.scim.tenant.TenantService;
import co.softdrive.scim.transaction.QuietClientErrors;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Issues, lists, revokes and verifies service-account tokens.
 *
 * <p>Verification is one indexed lookup by SHA-256 of the presented secret, cached per instance for
 * {@code scim.auth.cache-seconds} (default 5 s). That cache is the documented bound for a
 * revocation, expiry or tenant suspension to take effect on every instance; on the instance that
 * revoked, it is immediate. {@code last_used_at} is written at most once per {@code
 * scim.auth.last-used-interval-seconds} per token and instance, off the request thread.
 */
@ApplicationScoped
@QuietClientErrors
public class TokenService {
  private static final Logger LOG = Logger.getLogger(TokenService.class.getName());
  static final int MAX_SERVICE_ACCOUNT_LENGTH = 100;

  @Inject Tokens tokens;
  @Inject TenantService tenants;
  @Inject TokenConfig config;
  @Inject TokenUsageWriter usageWriter;

  @Resource ManagedExecutorService executor;
  @Resource TransactionSynchronizationRegistry transactions;

  private final Map<String, Verdict> cache = new ConcurrentHashMap<>();
  private final Map<String, Long> lastUsedWritten = new ConcurrentHashMap<>();

  /** The outcome of checking one secret: a principal, or why not. */
  public record Verdict(
      Principal principal, String tenantId, String failure, long checkedAtMillis, Long expiresAt) {
    boolean ok(long now) {
      return principal != null && (expiresAt == null || expiresAt > now);
    }

    /** The same verdict, due to be checked again at its next use. */
    Verdict stale() {
      return new Verdict(principal, tenantId, failure, 0, expiresAt);
    }
  }

  @Transactional
  public IssuedToken issue(
      String tenantId, String serviceAccount, String createdBy, Instant expiresAt) {
    tenants.require(tenantId);
    String account = serviceAccount == null ? "" : serviceAccount.strip();
    if (account.isEmpty()) {
      throw ScimBadRequest.invalidValue("serviceAccount is required, e.g. \"entra-provisioning\"");
    }
    if (account.length() > MAX_SERVICE_ACCOUNT_LENGTH
        || !account.matches("[A-Za-z0-9][A-Za-z0-9._@-]*")) {
      throw ScimBadRequest.invalidValue(
          "serviceAccount must be 1-100 characters of letters, digits, '.', '_', '@' or '-'");
    }
    long now = System.currentTimeMillis();
    if (expiresAt != null && expiresAt.toEpochMilli() <= now) {
      throw ScimBadRequest.invalidValue("expiresAt must be in the future");
    }
    String secret = TokenSecrets.generate();
    TokenEntity token =
        new TokenEntity(
            UUID.randomUUID().toString(),
            tenantId,
            account,
            TokenSecrets.hash(secret),
            TokenSecrets.displayPrefix(secret),
            createdBy,
            now,
            expiresAt == null ? null : expiresAt.toEpochMilli());
    tokens.add(token);
    LOG.log(
        Level.INFO,
        "Issued token {0} ({1}) for tenant {2} by {3}",
        new Object[] {token.getId(), token.getDisplayPrefix(), tenantId, createdBy});
    return new IssuedToken(TokenView.of(token, now), secret);
  }

  @Transactional
  public List<TokenView> list(String tenantId) {
    TenantId tenant = TenantId.of(tenants.require(tenantId).getId());
    long now = System.currentTimeMillis();
    return tokens.list(tenant).stream().map(t -> TokenView.of(t, now)).toList();
  }

  @Transactional
  public TokenView get(String tenantId, String tokenId) {
    return TokenView.of(find(tenantId, tokenId), System.currentTimeMillis());
  }

  @Transactional
  public TokenView revoke(String tenantId, String tokenId, String by) {
    TokenEntity token = find(tenantId, tokenId);
    long now = System.currentTimeMillis();
    token.revoke(by, now);
    forgetAfterCommit(token.getSecretHash());
    LOG.log(
        Level.INFO, "Revoked token {0} of tenant {1} by {2}", new Object[] {tokenId, tenantId, by});
    return TokenView.of(token, now);
  }

  private TokenEntity find(String tenantId, String tokenId) {
    Optional<TokenEntity> token =
        tenantId == null || tenantId.isBlank()
            ? Optional.empty()
            : tokens.find(TenantId.of(tenantId), tokenId);
    return token.orElseThrow(() -> ScimErrors.notFound("Token " + tokenId + " not found"));
  }

  /**
   * Resolves a presented bearer secret to its tenant, or throws 401 with a detail that says why
   * (never echoing the secret).
   */
  public Principal authenticate(String secret) {
    return authenticate(secret, true);
  }

  /**
   * Like {@link #authenticate}, but a secret this instance has never seen belong to a tenant is
   * refused without a database lookup. Used while the caller's source is over its failed-
   * authentication budget: the legitimate token (known from earlier requests; a stale verdict is
   * re-checked as usual) keeps working, while guesses cost nothing.
   */
  public Principal authenticateKnown(String secret) {
    return authenticate(secret, false);
  }

  /**
   * Like {@link #authenticate} for a secret this instance has seen belong to a tenant (valid,
   * revoked or expired, or of a suspended tenant: such a secret is no guess); null, without any
   * lookup, for any other.
   */
  public Principal authenticateIfKnown(String secret) {
    if (!TokenSecrets.isWellFormed(secret)) {
      return null;
    }
    String hash = TokenSecrets.hash(secret);
    Verdict verdict = cache.get(hash);
    return verdict == null || verdict.tenantId() == null ? null : check(hash, verdict);
  }

  private Principal authenticate(String secret, boolean mayLookUpUnknown) {
    if (!TokenSecrets.isWellFormed(secret)) {
      throw ScimErrors.unauthorized("The bearer token is not a Softdrive SCIM token");
    }
    String hash = TokenSecrets.hash(secret);
    Verdict verdict = cache.get(hash);
    if (!mayLookUpUnknown && (verdict == null || verdict.tenantId() == null)) {
      throw ScimErrors.unauthorized("The bearer token is not valid");
    }
    return check(hash, verdict);
  }

  /** The principal of a cached verdict (null: none), checked again when stale; or 401. */
  private Principal check(String hash, Verdict cached) {
    long now = System.currentTimeMillis();
    Verdict verdict = cached;
    if (verdict == null || now - verdict.checkedAtMillis() > config.cacheSeconds() * 1000L) {
      verdict = load(hash, now);
      if (cache.size() >= config.cacheMaxEntries()) {
        cache.clear();
      }
      cache.put(hash, verdict);
    }
    if (!verdict.ok(now)) {
      throw ScimErrors.unauthorized(
          verdict.failure() != null ? verdict.failure() : "The bearer token has expired");
    }
    recordUse(verdict.principal(), now);
    return verdict.principal();
  }

  /**
   * The tenant of a well-formed secret that this instance recently rejected (revoked token,
   * suspended tenant), so the activity log can show the rejection to that tenant's support.
   */
  public Optional<String> tenantOfRejected(String secret) {
    if (!TokenSecrets.isWellFormed(secret)) {
      return Optional.empty();
    }
    Verdict verdict = cache.get(TokenSecrets.hash(secret));
    return verdict == null ? Optional.empty() : Optional.ofNullable(verdict.tenantId());
  }

  /**
   * Makes the cached verdict stale once the revocation is committed, so its next use checks it
   * again: earlier would let a request in between cache the still-committed "active" verdict for
   * another cache period. It stays cached as a secret of its tenant, so that the check needs no
   * slot of its source's failure budget and its 401 says "revoked" even from a source over budget.
   */
  private void forgetAfterCommit(String hash) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            cache.computeIfPresent(hash, (h, verdict) -> verdict.stale());
          }
        });
  }

  /**
   * Makes the cached verdicts of a tenant that changed (a suspension, a resumption) stale once the
   * change is committed, so this instance reacts at once.
   */
  void forgetTenant(@Observes(during = TransactionPhase.AFTER_SUCCESS) TenantChanged change) {
    cache.replaceAll((hash, v) -> change.tenantId().equals(v.tenantId()) ? v.stale() : v);
  }

  /** Reads scalars, not entities, so nothing cached in a persistence context can be stale. */
  private Verdict load(String hash, long now) {
    Optional<Tokens.Credential> found = tokens.credential(hash);
    if (found.isEmpty() || !TokenSecrets.sameHash(hash, found.get().secretHash())) {
      return new Verdict(null, null, "The bearer token is not valid", now, null);
    }
    Tokens.Credential row = found.get();
    if (row.revokedAt() != null) {
      return new Verdict(null, row.tenantId(), "The bearer token has been revoked", now, null);
    }
    if (row.tenantStatus() != TenantStatus.ACTIVE) {
      return new Verdict(
          null,
          row.tenantId(),
          "The tenant of this token is suspended; contact Softdrive support",
          now,
          null);
    }
    return new Verdict(
        new Principal(row.tenantId(), row.tokenId(), row.displayPrefix()),
        row.tenantId(),
        null,
        now,
        row.expiresAt());
  }

  private void recordUse(Principal principal, long now) {
    String tokenId = principal.tokenId();
    long interval = config.lastUsedIntervalSeconds() * 1000L;
    Long last = lastUsedWritten.get(tokenId);
    if (last != null && now - last < interval) {
      return;
    }
    if (last == null
        ? lastUsedWritten.putIfAbsent(tokenId, now) != null
        : !lastUsedWritten.replace(tokenId, last, now)) {
      return; // another request thread is writing it
    }
    TenantId tenant = TenantId.of(principal.tenantId());
    executor.execute(() -> usageWriter.touch(tenant, tokenId, now));
  }
}
