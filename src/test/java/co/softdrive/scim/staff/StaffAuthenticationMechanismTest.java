package co.softdrive.scim.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StaffAuthenticationMechanismTest {

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
