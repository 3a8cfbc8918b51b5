package co.softdrive.scim.it.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.it.ItConfig;
import co.softdrive.scim.it.TenantFixture;
import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Manager;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.PhoneNumber;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.UserResource;
import de.captaingoldfish.scim.sdk.client.ScimClientConfig;
import de.captaingoldfish.scim.sdk.client.ScimRequestBuilder;
import de.captaingoldfish.scim.sdk.client.resources.MetaConfiguration;
import de.captaingoldfish.scim.sdk.client.response.ServerResponse;
import de.captaingoldfish.scim.sdk.common.constants.enums.PatchOp;
import de.captaingoldfish.scim.sdk.common.resources.EnterpriseUser;
import de.captaingoldfish.scim.sdk.common.resources.Group;
import de.captaingoldfish.scim.sdk.common.resources.User;
import de.captaingoldfish.scim.sdk.common.resources.multicomplex.Email.EmailBuilder;
import de.captaingoldfish.scim.sdk.common.schemas.Schema;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.glassfish.jersey.apache.connector.ApacheConnectorProvider;
import org.glassfish.jersey.client.ClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two SCIM client libraries that customers' own code uses, with typed models and strict parsing,
 * drive the service end to end: UnboundID/Ping's SCIM 2 SDK (Jackson databind onto primitive
 * fields, over a JAX-RS client) and Captain-P-Goldfish's SCIM-SDK (which validates every schema
 * definition it reads). Each reads the discovery documents, then creates, reads, filters, patches
 * and deletes users and groups, and checks that what it sent comes back.
 */
class ScimClientsIT {
  static TenantFixture t;
  static Client jaxrs;
  static ScimService unboundid;
  static ScimRequestBuilder goldfish;

  @BeforeAll
  static void clients() {
    t = TenantFixture.create("scim-clients").withoutRateLimit();
    jaxrs =
        ClientBuilder.newClient(new ClientConfig().connectorProvider(new ApacheConnectorProvider()))
            .register(
                (jakarta.ws.rs.client.ClientRequestFilter)
                    request ->
                        request.getHeaders().putSingle("Authorization", "Bearer " + t.token));
    unboundid = new ScimService(jaxrs.target(ItConfig.scimBase()));
    goldfish =
        new ScimRequestBuilder(
            ItConfig.scimBase(),
            ScimClientConfig.builder()
                .httpHeaders(Map.of("Authorization", "Bearer " + t.token))
                .build());
  }

  @AfterAll
  static void close() {
    if (jaxrs != null) {
      jaxrs.close();
    }
    if (goldfish != null) {
      goldfish.close();
    }
  }

  // ------------------------------------------------------------------ UnboundID / Ping

  @Test
  void unboundIdReadsTheDiscoveryDocuments() throws Exception {
    ServiceProviderConfigResource spc = unboundid.getServiceProviderConfig();
    assertTrue(spc.getPatch().isSupported());
    assertTrue(spc.getFilter().isSupported());

    ListResponse<ResourceTypeResource> types = unboundid.getResourceTypes();
    assertEquals(2, types.getTotalResults());

    ListResponse<SchemaResource> schemas = unboundid.getSchemas();
    assertEquals(4, schemas.getTotalResults());
    SchemaResource user =
        schemas.getResources().stream()
            .filter(s -> s.getId().equals("urn:ietf:params:scim:schemas:core:2.0:User"))
            .findFirst()
            .orElseThrow();
    AttributeDefinition emails =
        user.getAttributes().stream()
            .filter(a -> a.getName().equals("emails"))
            .findFirst()
            .orElseThrow();
    assertTrue(emails.isMultiValued());
    assertTrue(
        emails.getSubAttributes().stream().anyMatch(s -> s.getName().equals("display")),
        "emails.display is advertised");
  }

  @Test
  void unboundIdCreatesReadsFiltersPatchesAndDeletesAUser() throws Exception {
    UserResource manager = new UserResource().setUserName(unique("ub-boss"));
    manager.setDisplayName("The Boss");
    manager = unboundid.create("Users", manager);

    String userName = unique("ub-user");
    UserResource user =
        new UserResource()
            .setUserName(userName)
            .setDisplayName("Ub User")
            .setName(new Name().setGivenName("Ub").setFamilyName("User"))
            .setActive(true)
            .setEmails(
                List.of(
                    new Email()
                        .setValue(userName + "@example.com")
                        .setDisplay("Work mail")
                        .setType("work")
                        .setPrimary(true)))
            .setPhoneNumbers(
                List.of(
                    new PhoneNumber().setValue("+1 555 0100").setDisplay("Desk").setType("work")));
    user.setExtension(
        new EnterpriseUserExtension()
            .setDepartment("Retail")
            .setManager(
                new Manager()
                    .setValue(manager.getId())
                    .setRef(URI.create(ItConfig.scimBase() + "/Users/" + manager.getId()))));
    UserResource created = unboundid.create("Users", user);
    assertNotNull(created.getId());
    assertEquals("Work mail", created.getEmails().get(0).getDisplay());
    assertEquals("Desk", created.getPhoneNumbers().get(0).getDisplay());

    UserResource read = unboundid.retrieve("Users", created.getId(), UserResource.class);
    EnterpriseUserExtension ent = read.getExtension(EnterpriseUserExtension.class);
    assertEquals(manager.getId(), ent.getManager().getValue());
    assertEquals(
        URI.create(ItConfig.scimBase() + "/Users/" + manager.getId()), ent.getManager().getRef());
    assertEquals("The Boss", ent.getManager().getDisplayName());

    ListResponse<UserResource> found =
        unboundid
            .searchRequest("Users")
            .filter("userName eq \"" + userName + "\"")
            .invoke(UserResource.class);
    assertEquals(1, found.getTotalResults());
    assertEquals(created.getId(), found.getResources().get(0).getId());

    UserResource patched =
        unboundid
            .modifyRequest("Users", created.getId())
            .replaceValue("title", "Engineer")
            .invoke(UserResource.class);
    assertEquals("Engineer", patched.getTitle());

    read.setNickName("Ubby");
    UserResource replaced = unboundid.replace(read);
    assertEquals("Ubby", replaced.getNickName());

    unboundid.delete("Users", created.getId());
    try {
      unboundid.retrieve("Users", created.getId(), UserResource.class);
      throw new AssertionError("deleted user still answers");
    } catch (ResourceNotFoundException expected) {
      // 404 as a typed SCIM error
    }
  }

  @Test
  void unboundIdManagesAGroupAndItsMembers() throws Exception {
    UserResource member = new UserResource().setUserName(unique("ub-member"));
    member.setDisplayName("Member One");
    member = unboundid.create("Users", member);

    GroupResource group =
        unboundid.create(
            "Groups",
            new GroupResource()
                .setDisplayName(unique("ub-group"))
                .setMembers(List.of(new Member().setValue(member.getId()))));
    GroupResource read = unboundid.retrieve("Groups", group.getId(), GroupResource.class);
    assertEquals(1, read.getMembers().size());
    assertEquals(member.getId(), read.getMembers().get(0).getValue());
    assertEquals("Member One", read.getMembers().get(0).getDisplay());

    ListResponse<GroupResource> found =
        unboundid
            .searchRequest("Groups")
            .filter("displayName eq \"" + group.getDisplayName() + "\"")
            .invoke(GroupResource.class);
    assertEquals(1, found.getTotalResults());

    // Group PATCH answers 204 (docs/decisions.md): the library reads the group again.
    unboundid
        .modifyRequest("Groups", group.getId())
        .removeValues("members")
        .invoke(GroupResource.class);
    GroupResource emptied = unboundid.retrieve("Groups", group.getId(), GroupResource.class);
    assertTrue(emptied.getMembers() == null || emptied.getMembers().isEmpty());

    unboundid.delete("Groups", group.getId());
  }

  // ------------------------------------------------------------------ Captain-P-Goldfish

  @Test
  void goldfishLoadsAndValidatesTheDiscoveryDocuments() {
    ServerResponse<MetaConfiguration> response = goldfish.loadMetaConfiguration().sendRequest();
    assertTrue(response.isSuccess(), response.getResponseBody());
    MetaConfiguration meta = response.getResource();
    assertTrue(meta.getServiceProvider().getPatchConfig().isSupported());
    assertEquals(2, meta.getResourceTypes().size());
    List<String> ids = meta.getSchemas().stream().map(Schema::getNonNullId).toList();
    assertTrue(ids.contains("urn:ietf:params:scim:schemas:core:2.0:User"), ids.toString());
    assertTrue(ids.contains("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"));
  }

  @Test
  void goldfishCreatesReadsFiltersPatchesAndDeletesUsersAndGroups() {
    String userName = unique("gf-user");
    User user =
        User.builder()
            .userName(userName)
            .displayName("Gf User")
            .active(true)
            .emails(
                List.of(
                    new EmailBuilder()
                        .value(userName + "@example.com")
                        .display("Home mail")
                        .type("home")
                        .build()))
            .enterpriseUser(EnterpriseUser.builder().costCenter("CC-1").build())
            .build();
    ServerResponse<User> created =
        goldfish.create(User.class, "/Users").setResource(user).sendRequest();
    assertEquals(201, created.getHttpStatus(), created.getResponseBody());
    String id = created.getResource().getId().orElseThrow();
    assertEquals("Home mail", created.getResource().getEmails().get(0).getDisplay().orElseThrow());

    ServerResponse<User> read = goldfish.get(User.class, "/Users", id).sendRequest();
    assertEquals(200, read.getHttpStatus());
    assertEquals(
        "CC-1", read.getResource().getEnterpriseUser().orElseThrow().getCostCenter().orElseThrow());

    ServerResponse<de.captaingoldfish.scim.sdk.common.response.ListResponse<User>> found =
        goldfish
            .list(User.class, "/Users")
            .filter("userName eq \"" + userName + "\"")
            .get()
            .sendRequest();
    assertEquals(200, found.getHttpStatus(), found.getResponseBody());
    assertEquals(1, found.getResource().getTotalResults());

    ServerResponse<User> patched =
        goldfish
            .patch(User.class, "/Users", id)
            .addOperation()
            .op(PatchOp.REPLACE)
            .path("title")
            .value("Lead")
            .build()
            .sendRequest();
    assertEquals(200, patched.getHttpStatus(), patched.getResponseBody());
    assertEquals("Lead", patched.getResource().getTitle().orElseThrow());

    Group group = Group.builder().displayName(unique("gf-group")).build();
    ServerResponse<Group> createdGroup =
        goldfish.create(Group.class, "/Groups").setResource(group).sendRequest();
    assertEquals(201, createdGroup.getHttpStatus(), createdGroup.getResponseBody());
    String groupId = createdGroup.getResource().getId().orElseThrow();

    ServerResponse<Group> added =
        goldfish
            .patch(Group.class, "/Groups", groupId)
            .addOperation()
            .op(PatchOp.ADD)
            .path("members")
            .valueNode(
                de.captaingoldfish.scim.sdk.common.resources.multicomplex.Member.builder()
                    .value(id)
                    .build())
            .build()
            .sendRequest();
    // Group PATCH answers 204 without a body (RFC 7644 §3.5.2 allows it; docs/decisions.md). This
    // library reports a 204 PATCH as not successful (isSuccess() false): its users check the
    // status.
    assertEquals(204, added.getHttpStatus(), added.getResponseBody());
    ServerResponse<Group> readGroup = goldfish.get(Group.class, "/Groups", groupId).sendRequest();
    assertEquals(1, readGroup.getResource().getMembers().size());
    assertEquals("Gf User", readGroup.getResource().getMembers().get(0).getDisplay().orElseThrow());

    assertEquals(
        204, goldfish.delete(Group.class, "/Groups", groupId).sendRequest().getHttpStatus());
    assertEquals(204, goldfish.delete(User.class, "/Users", id).sendRequest().getHttpStatus());
    ServerResponse<User> gone = goldfish.get(User.class, "/Users", id).sendRequest();
    assertEquals(404, gone.getHttpStatus());
    assertFalse(gone.isSuccess());
    assertNotNull(gone.getErrorResponse());
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }
}
