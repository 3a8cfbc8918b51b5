package co.softdrive.scim.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which answers may be cached, and when the session cookie is Secure. */
class SecurityHeadersTest {
  @Test
  void onlyStylesheetsScriptsAndImagesMayBeCached() {
    assertTrue(SecurityHeadersFilter.isStatic("/jakarta.faces.resource/console.css.xhtml"));
    assertFalse(SecurityHeadersFilter.isStatic("/console/tenants.xhtml"));
    assertFalse(SecurityHeadersFilter.isStatic("/login.xhtml"));
    assertFalse(SecurityHeadersFilter.isStatic("/api"));
    assertFalse(SecurityHeadersFilter.isStatic(null));
  }

  @Test
  void theSessionCookieIsSecureWhenTheServiceIsReachedOverHttps() {
    assertTrue(SessionCookies.secure(Optional.empty(), Optional.of("https://scim.softdrive.co")));
    assertTrue(SessionCookies.secure(Optional.empty(), Optional.of(" HTTPS://scim.example")));
    assertFalse(SessionCookies.secure(Optional.empty(), Optional.of("http://localhost:9080")));
    assertFalse(SessionCookies.secure(Optional.empty(), Optional.empty()));
    assertTrue(SessionCookies.secure(Optional.of(true), Optional.empty()));
    assertFalse(SessionCookies.secure(Optional.of(false), Optional.of("https://scim.example")));
  }
}
