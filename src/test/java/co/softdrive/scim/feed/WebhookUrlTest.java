package co.softdrive.scim.feed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.protocol.error.ScimException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a webhook URL may look like, and how it is taken apart for delivery. */
class WebhookUrlTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // The reported repro first: credentials in the URL.
        "http://user:pw@127.0.0.1:1/ | user name or password",
        "https://user@hooks.example.com/ | user name or password",
        "https://:pw@hooks.example.com/ | user name or password",
        // Other spellings of IPv4 addresses.
        "http://2130706433/ | IPv4 address written a.b.c.d in decimal",
        "http://0x7f.1/ | IPv4 address written a.b.c.d in decimal",
        "http://0x7f000001/ | IPv4 address written a.b.c.d in decimal",
        "http://0177.0.0.1/ | IPv4 address written a.b.c.d in decimal",
        "http://017.0.0.1/ | IPv4 address written a.b.c.d in decimal",
        "http://127.1/ | IPv4 address written a.b.c.d in decimal",
        "http://127.0.1/ | IPv4 address written a.b.c.d in decimal",
        "http://1.2.3.4.5/ | IPv4 address written a.b.c.d in decimal",
        "http://256.1.1.1/ | IPv4 address written a.b.c.d in decimal",
        "http://hooks.example.0x1/ | IPv4 address written a.b.c.d in decimal",
        "http://exa_mple.com/ | IPv4 address written a.b.c.d in decimal",
        "http://[fe80::1%25eth0]/ | IPv6 zone",
        "http://[zz::1]/ | a valid URL",
        // Only http and https.
        "ftp://example.org/x | absolute http or https URL",
        "file:///etc/passwd | absolute http or https URL",
        "gopher://127.0.0.1:70/ | absolute http or https URL",
        "jar:http://example.org/x!/y | absolute http or https URL",
        "/relative/path | absolute http or https URL",
        "http:opaque | absolute http or https URL",
        "not a url | not a valid URL",
        "http://example.com:0/ | port must be between 1 and 65535",
        "http://example.com:99999/ | port must be between 1 and 65535",
      })
  void invalidUrlsAreRefusedWithAClearDetail(String url, String detail) {
    ScimException e = assertThrows(ScimException.class, () -> WebhookUrl.parse(url));
    assertEquals(400, e.status());
    assertTrue(e.getMessage().contains(detail), e.getMessage());
  }

  @Test
  void aMissingUrlIsRefused() {
    assertThrows(ScimException.class, () -> WebhookUrl.parse(null));
    assertThrows(ScimException.class, () -> WebhookUrl.parse(" "));
  }

  @Test
  void aNameIsKeptForResolvingAndTheRequestTargetAndHostHeaderComeFromTheUrl() {
    WebhookUrl u = WebhookUrl.parse(" HTTPS://Hooks.Example.com/in/scim?team=a%20b ");
    assertTrue(u.https());
    assertEquals("Hooks.Example.com", u.host());
    assertEquals(443, u.port());
    assertNull(u.literal());
    assertEquals("/in/scim?team=a%20b", u.target());
    assertEquals("Hooks.Example.com", u.hostHeader());
  }

  @Test
  void literalsAreParsedWithoutDns() {
    WebhookUrl v4 = WebhookUrl.parse("http://127.0.0.1:9/secrets-it");
    assertArrayEquals(new byte[] {127, 0, 0, 1}, v4.literal());
    assertEquals("127.0.0.1:9", v4.hostHeader());
    WebhookUrl v6 = WebhookUrl.parse("http://[::1]:8080");
    assertEquals(16, v6.literal().length);
    assertEquals("[::1]:8080", v6.hostHeader());
    assertEquals("/", v6.target());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "http://user:pw@127.0.0.1:1/ | http://127.0.0.1:1/",
        "https://a:b@c@hooks.example.com/p?q=@x | https://hooks.example.com/p?q=@x",
        "https://hooks.example.com/p@x | https://hooks.example.com/p@x",
        "https://hooks.example.com | https://hooks.example.com",
        "http://u:p@h#f@g | http://h#f@g",
        "not a url | not a url",
      })
  void userInfoIsDroppedForShowingEvenFromUrlsThatNoLongerParse(String stored, String shown) {
    assertEquals(shown, WebhookUrl.withoutUserInfo(stored));
  }
}
