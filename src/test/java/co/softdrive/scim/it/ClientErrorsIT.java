package co.softdrive.scim.it;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Client errors are answered, rolled back and not reported as incidents: Liberty writes an FFDC
 * file for every unchecked exception that leaves a {@code @Transactional} method, which made every
 * 404 or 409 Entra provoked look like an internal failure (transaction.QuietClientErrors).
 */
class ClientErrorsIT {
  private static final String SCIM = "application/scim+json";
  private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";

  @Test
  void clientErrorsFromTransactionalCodeLeaveNoFfdcIncident() throws Exception {
    Set<Path> before = ffdcFiles();
    TenantFixture t = TenantFixture.create("client-errors");
    String id = t.createUser("taken@example.com");
    String group = t.createGroup("Client errors");

    t.scim().get("/Users/00000000-0000-0000-0000-000000000000").then().statusCode(404);
    t.scim()
        .contentType(SCIM)
        .body("{\"schemas\":[\"" + USER + "\"],\"userName\":\"TAKEN@example.com\"}")
        .post("/Users")
        .then()
        .statusCode(409)
        .body("scimType", equalTo("uniqueness"));
    t.scim()
        .contentType(SCIM)
        .body(
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"\"}]}")
        .patch("/Users/" + id)
        .then()
        .statusCode(400);
    t.scim()
        .header("If-Match", "W/\"999\"")
        .contentType(SCIM)
        .body(
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"x\"}]}")
        .patch("/Groups/" + group)
        .then()
        .statusCode(412);
    t.scim().delete("/Groups/00000000-0000-0000-0000-000000000000").then().statusCode(404);
    TenantFixture.admin()
        .get(ItConfig.adminBase() + "/tenants/00000000-0000-0000-0000-000000000000")
        .then()
        .statusCode(404);
    TenantFixture.admin()
        .contentType("application/json")
        .body("{\"name\":\"" + t.tenantName + "\"}")
        .post(ItConfig.adminBase() + "/tenants")
        .then()
        .statusCode(409);

    // Rolled back all the same: the user is unchanged, the group still has its name and version.
    t.scim()
        .get("/Users/" + id)
        .then()
        .statusCode(200)
        .body("userName", equalTo("taken@example.com"));
    t.scim()
        .get("/Groups/" + group)
        .then()
        .statusCode(200)
        .body("displayName", equalTo("Client errors"));

    Thread.sleep(
        500); // FFDC files are written by the failing thread; allow the file system a moment
    List<String> incidents =
        ffdcFiles().stream()
            .filter(f -> !before.contains(f))
            .filter(f -> read(f).contains("co.softdrive.scim.protocol.error"))
            .map(
                f ->
                    f.getFileName()
                        + ":\n"
                        + read(f).lines().limit(6).collect(Collectors.joining("\n")))
            .toList();
    assertEquals(List.of(), incidents, "FFDC incidents written for client errors");
  }

  private static Set<Path> ffdcFiles() throws IOException {
    Path dir = ServerControl.serverDir().resolve("logs").resolve("ffdc");
    if (!Files.isDirectory(dir)) {
      return Set.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.collect(Collectors.toSet());
    }
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
