package co.softdrive.scim.staff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnreadableBasicTest {
  /**
   * Liberty's audit reads any header starting with "Basic" as padded Base64 of user:password; its
   * decoder refuses unpadded Base64 (which Java's accepts).
   */
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
        "Basic //86 | true",
        "Basic dXNlcjpwYXNzd29yZA | false",
        "Basic dXNlcjpwdw= | false",
        "Basic dXNlcjpwdw=== | false",
        "Basic %%% | false",
        "Basic bm9jb2xvbg== | false",
        "Basic /w== | false",
        "Basic _-86 | false",
        "Basic | false",
        "Basic  | false",
        "Basicx | false",
        "BasicdXNlcjpwYXNzd29yZA== | false",
        "Basic  dXNlcjpwYXNzd29yZA== | false",
        "Basic dXNlcjpwYXNzd29yZA==x | false"
      })
  void onlyBasicWithPaddedBase64OfTextWithAColonIsReadableByTheContainer(
      String header, boolean readable) {
    assertEquals(readable, UnreadableBasic.containerCanRead(header));
  }

  @Test
  void aHugeHeaderIsCheckedWithoutRecursion() {
    String big = "QUFB".repeat(250_000);
    assertFalse(UnreadableBasic.containerCanRead("Basic " + big));
    String user = "u:" + "p".repeat(300_000);
    String encoded = Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
    assertEquals(true, UnreadableBasic.containerCanRead("Basic " + encoded));
  }

  @Test
  void credentialsSplitAtTheFirstColonAndNeedAUser() {
    assertArrayEquals(
        new String[] {"user", "pa:ss"}, UnreadableBasic.credentials(encode("user:pa:ss")));
    assertArrayEquals(new String[] {"user", ""}, UnreadableBasic.credentials(encode("user:")));
    assertNull(UnreadableBasic.credentials(encode(":password")));
    assertNull(UnreadableBasic.credentials(encode("nocolon")));
    assertNull(UnreadableBasic.credentials("dXNlcjpwdw"));
    assertNull(UnreadableBasic.credentials(""));
    // Bytes that are no UTF-8 decode to replacement characters; the colon still splits.
    assertEquals("\uFFFD\uFFFD", UnreadableBasic.credentials("//86")[0]);
  }

  private static String encode(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
