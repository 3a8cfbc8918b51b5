package co.softdrive.scim.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathNormalizingFilterTest {
  @ParameterizedTest
  @CsvSource({
    "/api/v1/automations/scim//Users, /api/v1/automations/scim/Users",
    "/api/v1/automations/scim/Users/, /api/v1/automations/scim/Users",
    "/api/v1/automations/scim///Users//abc/, /api/v1/automations/scim/Users/abc",
    "/api/v1/automations/scim/Users, /api/v1/automations/scim/Users"
  })
  void doubledAndTrailingSlashesCollapse(String in, String out) {
    assertEquals(out, PathNormalizingFilter.normalize(in));
  }
}
