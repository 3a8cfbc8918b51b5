package co.softdrive.scim.resource;

import co.softdrive.scim.inspection.HealthService;
import co.softdrive.scim.inspection.TenantHealth;
import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.tenant.TenantService;
import co.softdrive.scim.tenant.TenantSettings;
import co.softdrive.scim.tenant.TenantView;
import co.softdrive.scim.token.IssuedToken;
import co.softdrive.scim.token.TokenService;
import co.softdrive.scim.token.TokenView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Admin API for tenants and their service-account tokens (staff, HTTP Basic). */
@Path("admin/tenants")
@RequestScoped
@RolesAllowed({"support", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaTypes.SCIM_JSON, MediaType.WILDCARD})
public class AdminTenantsResource {
  static final int MAX_BODY = 64 * 1024;

  @Inject TenantService tenants;
  @Inject TokenService tokens;
  @Inject HealthService health;
  @Inject ScimUrls urls;
  @Context SecurityContext security;
  @Context UriInfo uri;

  @POST
  public Response create(InputStream body) {
    JsonObject json = JsonBodies.readObject(body, MAX_BODY);
    TenantView tenant = tenants.create(AdminJson.string(json, "name"), staff());
    return Response.created(uri.getAbsolutePathBuilder().path(tenant.id()).build())
        .entity(tenant)
        .build();
  }

  @GET
  public List<TenantAnswer> list() {
    return tenants.list().stream().map(t -> TenantAnswer.of(t, health.of(t.id()))).toList();
  }

  @GET
  @Path("{tenantId}")
  public TenantAnswer get(@PathParam("tenantId") String tenantId) {
    TenantView t = tenants.get(tenantId);
    return TenantAnswer.of(t, health.of(tenantId));
  }

  /** A tenant with its connection health and recent provisioning cycles ({@link TenantHealth}). */
  public record TenantAnswer(
      String id,
      String name,
      String status,
      Instant createdAt,
      Instant updatedAt,
      int retentionDays,
      String groupPolicy,
      Integer guardPercent,
      Integer guardMinCount,
      Integer guardWindowMinutes,
      Integer rateLimitPerSecond,
      long users,
      long groups,
      long activeTokens,
      TenantHealth health) {
    static TenantAnswer of(TenantView t, TenantHealth health) {
      return new TenantAnswer(
          t.id(),
          t.name(),
          t.status(),
          t.createdAt(),
          t.updatedAt(),
          t.retentionDays(),
          t.groupPolicy(),
          t.guardPercent(),
          t.guardMinCount(),
          t.guardWindowMinutes(),
          t.rateLimitPerSecond(),
          t.users(),
          t.groups(),
          t.activeTokens(),
          health);
    }
  }

  /**
   * Rename, suspend/resume and settings: {@code {"name": "...", "status": "suspended"|"active",
   * "rateLimitPerSecond": 50, ...}} (see {@link TenantSettings}).
   */
  @PATCH
  @Path("{tenantId}")
  public TenantView update(@PathParam("tenantId") String tenantId, InputStream body) {
    JsonObject json = JsonBodies.readObject(body, MAX_BODY);
    return tenants.update(
        tenantId,
        new TenantSettings(
            AdminJson.string(json, "name"),
            AdminJson.string(json, "status"),
            AdminJson.integer(json, "retentionDays"),
            AdminJson.string(json, "groupPolicy"),
            AdminJson.integer(json, "guardPercent"),
            AdminJson.integer(json, "guardMinCount"),
            AdminJson.integer(json, "guardWindowMinutes"),
            AdminJson.integer(json, "rateLimitPerSecond")));
  }

  @POST
  @Path("{tenantId}/tokens")
  public Response issueToken(@PathParam("tenantId") String tenantId, InputStream body) {
    JsonObject json = JsonBodies.readObject(body, MAX_BODY);
    Instant expiresAt = null;
    if (json.containsKey("expiresAt") && json.get("expiresAt") != JsonValue.NULL) {
      try {
        expiresAt = Instant.parse(AdminJson.string(json, "expiresAt"));
      } catch (DateTimeParseException e) {
        throw ScimBadRequest.invalidValue(
            "expiresAt must be an ISO-8601 instant such as 2027-01-31T00:00:00Z");
      }
    }
    IssuedToken issued =
        tokens.issue(tenantId, AdminJson.string(json, "serviceAccount"), staff(), expiresAt);
    TokenView t = issued.token();
    return Response.created(uri.getAbsolutePathBuilder().path(t.id()).build())
        .header("Cache-Control", "no-store")
        .entity(new IssuedTokenBody(t, issued.secret(), urls.base()))
        .build();
  }

  @GET
  @Path("{tenantId}/tokens")
  public List<TokenView> listTokens(@PathParam("tenantId") String tenantId) {
    return tokens.list(tenantId);
  }

  @GET
  @Path("{tenantId}/tokens/{tokenId}")
  public TokenView getToken(
      @PathParam("tenantId") String tenantId, @PathParam("tokenId") String tokenId) {
    return tokens.get(tenantId, tokenId);
  }

  @DELETE
  @Path("{tenantId}/tokens/{tokenId}")
  public Response revokeToken(
      @PathParam("tenantId") String tenantId, @PathParam("tokenId") String tokenId) {
    tokens.revoke(tenantId, tokenId, staff());
    return Response.noContent().build();
  }

  /** The one response that carries a secret: the token, once, with what Entra needs. */
  public record IssuedTokenBody(
      String id,
      String tenantId,
      String serviceAccount,
      String prefix,
      String createdBy,
      Instant createdAt,
      Instant expiresAt,
      String status,
      String token,
      String tenantUrl) {
    IssuedTokenBody(TokenView t, String secret, String tenantUrl) {
      this(
          t.id(),
          t.tenantId(),
          t.serviceAccount(),
          t.prefix(),
          t.createdBy(),
          t.createdAt(),
          t.expiresAt(),
          t.status(),
          secret,
          tenantUrl);
    }
  }

  private String staff() {
    return security.getUserPrincipal() == null ? "unknown" : security.getUserPrincipal().getName();
  }
}
