package co.softdrive.scim.protocol.schema;

import static co.softdrive.scim.protocol.schema.AttributeDef.bool;
import static co.softdrive.scim.protocol.schema.AttributeDef.complex;
import static co.softdrive.scim.protocol.schema.AttributeDef.of;
import static co.softdrive.scim.protocol.schema.AttributeDef.reference;
import static co.softdrive.scim.protocol.schema.AttributeDef.string;

import co.softdrive.scim.protocol.schema.AttributeDef.Returned;
import co.softdrive.scim.protocol.schema.AttributeDef.Type;
import co.softdrive.scim.protocol.schema.AttributeDef.Uniqueness;
import java.util.List;
import java.util.Optional;

/**
 * The schemas and resource types this service supports: core User and Group (RFC 7643 §4.1, §4.2,
 * §8.7.1), the enterprise User extension (§4.3) and Softdrive's {@code userType} extension.
 *
 * <p>Every attribute and sub-attribute has the characteristics and values of RFC 7643 §8.7.1, so a
 * client that reads {@code /Schemas} learns what it may write and gets back what it wrote. Where we
 * differ from §8.7.1 on purpose it is said at the attribute and in docs/decisions.md (deliberate
 * deviations): Group {@code displayName} is required (§4.2 says so, §8.7.1 does not), {@code
 * x509Certificates.value} is case-exact (binary, §2.3.6), {@code members.display} and {@code
 * addresses.primary} are listed (§4.2 and §4.1.2 name them).
 *
 * <p>Its length is data: the attribute definitions of four schemas, written out as RFC 7643 §8.7
 * lists them so that each can be compared with the RFC line by line.
 */
public final class SchemaRegistry {

  /**
   * A multi-valued attribute of RFC 7643 §4.1.2/§4.1.3: {@code value}, {@code display}, {@code
   * type} (with its canonical values, if the RFC lists any) and {@code primary}.
   */
  private static AttributeDef multi(String name, String desc, Type valueType, String... types) {
    AttributeDef.Builder value =
        of("value", valueType).desc("The value of the " + name + " entry.");
    if (valueType == Type.REFERENCE) {
      value.referenceTypes("external");
    }
    if (valueType == Type.BINARY) {
      value.caseExact(); // RFC 7643 §2.3.6: binary values are case exact
    }
    return complex(
            name,
            value.build(),
            string("display")
                .desc("A human-readable name, primarily used for display purposes.")
                .build(),
            string("type")
                .desc("A label indicating the attribute's function.")
                .canonical(types)
                .build(),
            bool("primary")
                .desc("A Boolean value indicating the 'primary' or preferred attribute value.")
                .build())
        .multi()
        .desc(desc)
        .build();
  }

  public static final SchemaDef USER =
      new SchemaDef(
          Schemas.CORE_USER,
          "User",
          "User Account",
          List.of(
              string("userName")
                  .desc(
                      "Unique identifier for the User, typically used by the user to directly authenticate.")
                  .required()
                  .uniqueness(Uniqueness.SERVER)
                  .build(),
              complex(
                      "name",
                      string("formatted")
                          .desc("The full name, including all middle names, titles, and suffixes.")
                          .build(),
                      string("familyName").desc("The family name of the User.").build(),
                      string("givenName").desc("The given name of the User.").build(),
                      string("middleName").desc("The middle name(s) of the User.").build(),
                      string("honorificPrefix")
                          .desc("The honorific prefix(es) of the User.")
                          .build(),
                      string("honorificSuffix")
                          .desc("The honorific suffix(es) of the User.")
                          .build())
                  .desc("The components of the user's real name.")
                  .build(),
              string("displayName")
                  .desc("The name of the User, suitable for display to end-users.")
                  .build(),
              string("nickName").desc("The casual way to address the user in real life.").build(),
              reference("profileUrl", "external")
                  .desc(
                      "A fully qualified URL pointing to a page representing the User's online profile.")
                  .build(),
              string("title").desc("The user's title, such as \"Vice President\".").build(),
              string("userType")
                  .desc("Used to identify the relationship between the organization and the user.")
                  .build(),
              string("preferredLanguage")
                  .desc("Indicates the User's preferred written or spoken language.")
                  .build(),
              string("locale")
                  .desc(
                      "Used to indicate the User's default location for purposes of localizing items.")
                  .build(),
              string("timezone")
                  .desc("The User's time zone in the 'Olson' time zone database format.")
                  .build(),
              bool("active")
                  .desc("A Boolean value indicating the User's administrative status.")
                  .build(),
              string("password")
                  .desc("The User's cleartext password.")
                  .mutability(AttributeDef.Mutability.WRITE_ONLY)
                  .returned(Returned.NEVER)
                  .build(),
              multi(
                  "emails", "Email addresses for the user.", Type.STRING, "work", "home", "other"),
              multi(
                  "phoneNumbers",
                  "Phone numbers for the User.",
                  Type.STRING,
                  "work",
                  "home",
                  "mobile",
                  "fax",
                  "pager",
                  "other"),
              multi(
                  "ims",
                  "Instant messaging addresses for the User.",
                  Type.STRING,
                  "aim",
                  "gtalk",
                  "icq",
                  "xmpp",
                  "msn",
                  "skype",
                  "qq",
                  "yahoo"),
              multi("photos", "URLs of photos of the User.", Type.REFERENCE, "photo", "thumbnail"),
              complex(
                      "addresses",
                      string("formatted")
                          .desc(
                              "The full mailing address, formatted for display or use with a mailing label.")
                          .build(),
                      string("streetAddress").desc("The full street address component.").build(),
                      string("locality").desc("The city or locality component.").build(),
                      string("region").desc("The state or region component.").build(),
                      string("postalCode").desc("The zip code or postal code component.").build(),
                      string("country").desc("The country name component.").build(),
                      string("type")
                          .desc("A label indicating the attribute's function.")
                          .canonical("work", "home", "other")
                          .build(),
                      bool("primary").desc("Whether this is the primary address.").build())
                  .multi()
                  .desc("A physical mailing address for this User.")
                  .build(),
              complex(
                      "groups",
                      string("value")
                          .desc("The identifier of the User's group.")
                          .readOnly()
                          .build(),
                      reference("$ref", "User", "Group")
                          .desc("The URI of the corresponding 'Group' resource.")
                          .readOnly()
                          .build(),
                      string("display").desc("A human-readable name.").readOnly().build(),
                      string("type")
                          .desc("A label indicating the attribute's function.")
                          .canonical("direct", "indirect")
                          .readOnly()
                          .build())
                  .multi()
                  .readOnly()
                  .desc("A list of groups to which the user belongs.")
                  .build(),
              multi("entitlements", "A list of entitlements for the User.", Type.STRING),
              multi("roles", "A list of roles for the User.", Type.STRING),
              multi(
                  "x509Certificates", "A list of certificates issued to the User.", Type.BINARY)));

  public static final SchemaDef ENTERPRISE_USER =
      new SchemaDef(
          Schemas.ENTERPRISE_USER,
          "EnterpriseUser",
          "Enterprise User",
          List.of(
              string("employeeNumber")
                  .desc("Numeric or alphanumeric identifier assigned to a person.")
                  .build(),
              string("costCenter").desc("Identifies the name of a cost center.").build(),
              string("organization").desc("Identifies the name of an organization.").build(),
              string("division").desc("Identifies the name of a division.").build(),
              string("department").desc("Identifies the name of a department.").build(),
              complex(
                      "manager",
                      string("value")
                          .desc("The id of the SCIM resource representing the User's manager.")
                          .build(),
                      reference("$ref", "User")
                          .desc("The URI of the SCIM resource representing the User's manager.")
                          .build(),
                      string("displayName")
                          .desc("The displayName of the User's manager.")
                          .readOnly()
                          .build())
                  .desc("The User's manager.")
                  .build()));

  public static final SchemaDef SOFTDRIVE_USER =
      new SchemaDef(
          Schemas.SOFTDRIVE_USER,
          "SoftdriveUser",
          "Softdrive User",
          List.of(
              string("userType")
                  .desc("The Softdrive user type, mapped by the Entra admin.")
                  .build()));

  public static final SchemaDef GROUP =
      new SchemaDef(
          Schemas.CORE_GROUP,
          "Group",
          "Group",
          List.of(
              string("displayName").desc("A human-readable name for the Group.").required().build(),
              complex(
                      "members",
                      string("value")
                          .desc("Identifier of the member of this Group.")
                          .immutable()
                          .build(),
                      reference("$ref", "User", "Group")
                          .desc("The URI of the corresponding member resource.")
                          .immutable()
                          .build(),
                      string("display")
                          .desc("A human-readable name for the member.")
                          .readOnly()
                          .build(),
                      string("type")
                          .desc("A label indicating the type of resource.")
                          .canonical("User", "Group")
                          .immutable()
                          .build())
                  .multi()
                  .desc("A list of members of the Group.")
                  .build()));

  /**
   * RFC 7643 §3.1 common attributes; not listed in {@code /Schemas} (RFC 7643 §8.7.1 leaves them
   * out).
   */
  static final List<AttributeDef> COMMON =
      List.of(
          string("id")
              .caseExact()
              .readOnly()
              .returned(Returned.ALWAYS)
              .uniqueness(Uniqueness.SERVER)
              .desc("Unique identifier for the resource, assigned by the service provider.")
              .build(),
          string("externalId")
              .caseExact()
              .desc("Identifier of the resource as defined by the provisioning client.")
              .build(),
          complex(
                  "meta",
                  string("resourceType").caseExact().readOnly().build(),
                  of("created", Type.DATETIME).readOnly().build(),
                  of("lastModified", Type.DATETIME).readOnly().build(),
                  reference("location", "uri").caseExact().readOnly().build(),
                  string("version").caseExact().readOnly().build())
              .readOnly()
              .desc("Resource metadata.")
              .build());

  public static final ResourceTypeDef USER_TYPE =
      new ResourceTypeDef(
          "User", "/Users", "User Account", USER, List.of(ENTERPRISE_USER, SOFTDRIVE_USER), COMMON);

  public static final ResourceTypeDef GROUP_TYPE =
      new ResourceTypeDef("Group", "/Groups", "Group", GROUP, List.of(), COMMON);

  private static final List<SchemaDef> SCHEMAS =
      List.of(USER, GROUP, ENTERPRISE_USER, SOFTDRIVE_USER);
  private static final List<ResourceTypeDef> RESOURCE_TYPES = List.of(USER_TYPE, GROUP_TYPE);

  private SchemaRegistry() {}

  /** Every schema, in the order {@code /Schemas} lists them. */
  public static List<SchemaDef> schemas() {
    return SCHEMAS;
  }

  /** The schema with this URN (case-insensitive). */
  public static Optional<SchemaDef> schema(String urn) {
    return SCHEMAS.stream().filter(s -> s.is(urn)).findFirst();
  }

  public static List<ResourceTypeDef> resourceTypes() {
    return RESOURCE_TYPES;
  }

  /** The resource type with this name ({@code User}, {@code group}, ...), case-insensitive. */
  public static Optional<ResourceTypeDef> resourceType(String name) {
    return RESOURCE_TYPES.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
  }
}
