package co.softdrive.scim.protocol.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code /Schemas} against RFC 7643 §8.7.1, attribute by attribute: every attribute and
 * sub-attribute of the User, Group and enterprise User schemas with the characteristics the RFC
 * gives it (type, multiValued, required, caseExact, mutability, returned, uniqueness, canonical
 * values, reference types). Complex attributes, for which §8.7.1 writes no {@code caseExact}, carry
 * {@code false} (§2.2's default). Rows marked {@code *} differ from §8.7.1 on purpose (see the
 * deliberate deviations in docs/decisions.md): Group {@code displayName} required (§4.2), {@code
 * x509Certificates.value} case-exact (§2.3.6), {@code members.display} and {@code
 * addresses.primary} (§4.2, §4.1.2), the Softdrive extension.
 */
class RfcSchemaTableTest {
  private static final String U = Schemas.CORE_USER;
  private static final String G = Schemas.CORE_GROUP;
  private static final String E = Schemas.ENTERPRISE_USER;

  /**
   * schema | path | type | multiValued | required | caseExact | mutability | returned | uniqueness
   * | canonicalValues | referenceTypes
   */
  private static final String[] TABLE = {
    "U|userName|string|F|T|F|readWrite|default|server||",
    "U|name|complex|F|F|F|readWrite|default|none||",
    "U|name.formatted|string|F|F|F|readWrite|default|none||",
    "U|name.familyName|string|F|F|F|readWrite|default|none||",
    "U|name.givenName|string|F|F|F|readWrite|default|none||",
    "U|name.middleName|string|F|F|F|readWrite|default|none||",
    "U|name.honorificPrefix|string|F|F|F|readWrite|default|none||",
    "U|name.honorificSuffix|string|F|F|F|readWrite|default|none||",
    "U|displayName|string|F|F|F|readWrite|default|none||",
    "U|nickName|string|F|F|F|readWrite|default|none||",
    "U|profileUrl|reference|F|F|F|readWrite|default|none||external",
    "U|title|string|F|F|F|readWrite|default|none||",
    "U|userType|string|F|F|F|readWrite|default|none||",
    "U|preferredLanguage|string|F|F|F|readWrite|default|none||",
    "U|locale|string|F|F|F|readWrite|default|none||",
    "U|timezone|string|F|F|F|readWrite|default|none||",
    "U|active|boolean|F|F|F|readWrite|default|none||",
    "U|password|string|F|F|F|writeOnly|never|none||",
    "U|emails|complex|T|F|F|readWrite|default|none||",
    "U|emails.value|string|F|F|F|readWrite|default|none||",
    "U|emails.display|string|F|F|F|readWrite|default|none||",
    "U|emails.type|string|F|F|F|readWrite|default|none|work,home,other|",
    "U|emails.primary|boolean|F|F|F|readWrite|default|none||",
    "U|phoneNumbers|complex|T|F|F|readWrite|default|none||",
    "U|phoneNumbers.value|string|F|F|F|readWrite|default|none||",
    "U|phoneNumbers.display|string|F|F|F|readWrite|default|none||",
    "U|phoneNumbers.type|string|F|F|F|readWrite|default|none|work,home,mobile,fax,pager,other|",
    "U|phoneNumbers.primary|boolean|F|F|F|readWrite|default|none||",
    "U|ims|complex|T|F|F|readWrite|default|none||",
    "U|ims.value|string|F|F|F|readWrite|default|none||",
    "U|ims.display|string|F|F|F|readWrite|default|none||",
    "U|ims.type|string|F|F|F|readWrite|default|none|aim,gtalk,icq,xmpp,msn,skype,qq,yahoo|",
    "U|ims.primary|boolean|F|F|F|readWrite|default|none||",
    "U|photos|complex|T|F|F|readWrite|default|none||",
    "U|photos.value|reference|F|F|F|readWrite|default|none||external",
    "U|photos.display|string|F|F|F|readWrite|default|none||",
    "U|photos.type|string|F|F|F|readWrite|default|none|photo,thumbnail|",
    "U|photos.primary|boolean|F|F|F|readWrite|default|none||",
    "U|addresses|complex|T|F|F|readWrite|default|none||",
    "U|addresses.formatted|string|F|F|F|readWrite|default|none||",
    "U|addresses.streetAddress|string|F|F|F|readWrite|default|none||",
    "U|addresses.locality|string|F|F|F|readWrite|default|none||",
    "U|addresses.region|string|F|F|F|readWrite|default|none||",
    "U|addresses.postalCode|string|F|F|F|readWrite|default|none||",
    "U|addresses.country|string|F|F|F|readWrite|default|none||",
    "U|addresses.type|string|F|F|F|readWrite|default|none|work,home,other|",
    "U|addresses.primary*|boolean|F|F|F|readWrite|default|none||",
    "U|groups|complex|T|F|F|readOnly|default|none||",
    "U|groups.value|string|F|F|F|readOnly|default|none||",
    "U|groups.$ref|reference|F|F|F|readOnly|default|none||User,Group",
    "U|groups.display|string|F|F|F|readOnly|default|none||",
    "U|groups.type|string|F|F|F|readOnly|default|none|direct,indirect|",
    "U|entitlements|complex|T|F|F|readWrite|default|none||",
    "U|entitlements.value|string|F|F|F|readWrite|default|none||",
    "U|entitlements.display|string|F|F|F|readWrite|default|none||",
    "U|entitlements.type|string|F|F|F|readWrite|default|none||",
    "U|entitlements.primary|boolean|F|F|F|readWrite|default|none||",
    "U|roles|complex|T|F|F|readWrite|default|none||",
    "U|roles.value|string|F|F|F|readWrite|default|none||",
    "U|roles.display|string|F|F|F|readWrite|default|none||",
    "U|roles.type|string|F|F|F|readWrite|default|none||",
    "U|roles.primary|boolean|F|F|F|readWrite|default|none||",
    "U|x509Certificates|complex|T|F|F|readWrite|default|none||",
    "U|x509Certificates.value*|binary|F|F|T|readWrite|default|none||",
    "U|x509Certificates.display|string|F|F|F|readWrite|default|none||",
    "U|x509Certificates.type|string|F|F|F|readWrite|default|none||",
    "U|x509Certificates.primary|boolean|F|F|F|readWrite|default|none||",
    "G|displayName*|string|F|T|F|readWrite|default|none||",
    "G|members|complex|T|F|F|readWrite|default|none||",
    "G|members.value|string|F|F|F|immutable|default|none||",
    "G|members.$ref|reference|F|F|F|immutable|default|none||User,Group",
    "G|members.display*|string|F|F|F|readOnly|default|none||",
    "G|members.type|string|F|F|F|immutable|default|none|User,Group|",
    "E|employeeNumber|string|F|F|F|readWrite|default|none||",
    "E|costCenter|string|F|F|F|readWrite|default|none||",
    "E|organization|string|F|F|F|readWrite|default|none||",
    "E|division|string|F|F|F|readWrite|default|none||",
    "E|department|string|F|F|F|readWrite|default|none||",
    "E|manager|complex|F|F|F|readWrite|default|none||",
    "E|manager.value|string|F|F|F|readWrite|default|none||",
    "E|manager.$ref|reference|F|F|F|readWrite|default|none||User",
    "E|manager.displayName|string|F|F|F|readOnly|default|none||",
  };

  static Stream<String> rows() {
    return Arrays.stream(TABLE);
  }

  @ParameterizedTest
  @MethodSource("rows")
  void attributeHasTheRfcCharacteristics(String row) {
    String[] f = row.split("\\|", -1);
    String path = f[1].replace("*", "");
    JsonObject a = published().get(urn(f[0]) + "|" + path);
    assertTrue(a != null, "missing in /Schemas: " + row);
    assertEquals(f[2], a.getString("type"), path + " type");
    assertEquals(f[3].equals("T"), a.getBoolean("multiValued"), path + " multiValued");
    assertEquals(f[4].equals("T"), a.getBoolean("required"), path + " required");
    assertEquals(f[5].equals("T"), a.getBoolean("caseExact"), path + " caseExact");
    assertEquals(f[6], a.getString("mutability"), path + " mutability");
    assertEquals(f[7], a.getString("returned"), path + " returned");
    assertEquals(f[8], a.getString("uniqueness"), path + " uniqueness");
    assertEquals(list(f[9]), strings(a, "canonicalValues"), path + " canonicalValues");
    assertEquals(list(f[10]), strings(a, "referenceTypes"), path + " referenceTypes");
    assertTrue(a.containsKey("description"), path + " description");
    assertEquals(f[2].equals("complex"), a.containsKey("subAttributes"), path + " subAttributes");
  }

  @Test
  void schemasListNothingTheTableDoesNotKnow() {
    List<String> known = new ArrayList<>();
    for (String row : TABLE) {
      String[] f = row.split("\\|", -1);
      known.add(urn(f[0]) + "|" + f[1].replace("*", ""));
    }
    for (String key : published().keySet()) {
      if (!key.startsWith(Schemas.SOFTDRIVE_USER)) {
        assertTrue(known.contains(key), "not in RFC 7643 §8.7.1: " + key);
      }
    }
  }

  @Test
  void everyCharacteristicIsWrittenOnEveryAttribute() {
    for (Map.Entry<String, JsonObject> e : published().entrySet()) {
      for (String c :
          List.of(
              "name",
              "type",
              "multiValued",
              "description",
              "required",
              "caseExact",
              "mutability",
              "returned",
              "uniqueness")) {
        assertTrue(e.getValue().containsKey(c), e.getKey() + " lacks " + c);
      }
    }
  }

  /** Every attribute of {@code /Schemas} by "urn|path", sub-attributes as "parent.sub". */
  private static Map<String, JsonObject> published() {
    Map<String, JsonObject> out = new LinkedHashMap<>();
    for (JsonValue s : DiscoveryDocuments.schemas("https://h/scim").getJsonArray("Resources")) {
      String id = s.asJsonObject().getString("id");
      for (JsonValue v : s.asJsonObject().getJsonArray("attributes")) {
        JsonObject a = v.asJsonObject();
        out.put(id + "|" + a.getString("name"), a);
        if (a.containsKey("subAttributes")) {
          for (JsonValue sv : a.getJsonArray("subAttributes")) {
            JsonObject sub = sv.asJsonObject();
            out.put(id + "|" + a.getString("name") + "." + sub.getString("name"), sub);
          }
        }
      }
    }
    return out;
  }

  private static String urn(String letter) {
    return switch (letter) {
      case "U" -> U;
      case "G" -> G;
      default -> E;
    };
  }

  private static List<String> list(String csv) {
    return csv.isEmpty() ? List.of() : List.of(csv.split(","));
  }

  private static List<String> strings(JsonObject a, String key) {
    return a.containsKey(key)
        ? a.getJsonArray(key).getValuesAs(JsonString.class).stream()
            .map(JsonString::getString)
            .toList()
        : List.of();
  }
}
