package co.softdrive.scim.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  @Test
  void signatureIsHmacSha256OfTimestampDotBody() {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
    assertEquals(
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        WebhookSignature.hmac("Jefe", "what do ya want for nothing?"));
    assertEquals(
        "t=1700000000,v1=" + WebhookSignature.hmac("s3cret", "1700000000.{\"events\":[]}"),
        WebhookSignature.header("s3cret", 1700000000L, "{\"events\":[]}"));
  }
}
