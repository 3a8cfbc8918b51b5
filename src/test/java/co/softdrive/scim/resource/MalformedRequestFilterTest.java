package co.softdrive.scim.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MalformedRequestFilterTest {
  @ParameterizedTest
  @CsvSource({
    "/api/v1/automations/scim/Users, true",
    "/api/v1/automations/scim/Users/%C3%A9t%C3%A9, true",
    "/api/v1/automations/scim/Users/%41%42, true",
    "/api/v1/automations/scim/Users/%zz, true",
    "/api/v1/automations/scim/Users/%, true",
    "/api/v1/automations/scim/Users/%c0%af, false",
    "/api/v1/automations/scim/Users/%ed%a0%80, false",
    "/api/v1/automations/scim/Users/%ff, false",
    "/api/v1/automations/scim/Users/%C3, false",
    "/api/v1/automations/scim/Users/%C3x%A9, false"
  })
  void percentEscapesMustDecodeAsUtf8(String uri, boolean valid) {
    assertEquals(valid, MalformedRequestFilter.escapesAreUtf8(uri));
  }
}
