package co.softdrive.scim.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StaffAuthenticationMechanismTest {
  /** Liberty's audit reads any header starting with "Basic" as Base64 of user:password. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "null | true",
        "Bearer sdscim_x | true",
        "basic %%% | true",
        "Basic dXNlcjpwYXNzd29yZA== | true",
        "Basic OnBhc3N3b3Jk | true",
        "Basic dXNlcjpwYXNzd29yZA | true",
        "Basic %%% | false",
        "Basic bm9jb2xvbg== | false",
        "Basic | false",
        "Basic  | false",
        "BasicdXNlcjpwYXNzd29yZA== | false",
        "Basic  dXNlcjpwYXNzd29yZA== | false"
      })
  void onlyBasicUserColonPasswordInBase64IsReadableByTheContainer(String header, boolean readable) {
    assertEquals(readable, StaffAuthenticationMechanism.containerCanRead(header));
  }

  /** The sign-in page is told an expired session apart and where to go back to. */
  @Test
  void theSignInAddressSaysTheSessionExpiredAndWhereToGoBack() {
    assertEquals("", StaffAuthenticationMechanism.loginQuery(false, null));
    assertEquals("?expired=true", StaffAuthenticationMechanism.loginQuery(true, null));
    assertEquals(
        "?expired=true&next=%2Fconsole%2Fuser.xhtml%3Ftenant%3Dt%26id%3Du",
        StaffAuthenticationMechanism.loginQuery(true, "/console/user.xhtml?tenant=t&id=u"));
    assertEquals(
        "?next=%2Fconsole%2Ftenants.xhtml",
        StaffAuthenticationMechanism.loginQuery(false, "/console/tenants.xhtml"));
  }
}
