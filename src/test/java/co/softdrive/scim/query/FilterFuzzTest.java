package co.softdrive.scim.query;

import static co.softdrive.scim.fuzz.ScimOutcome.acceptedOrRefused;

import co.softdrive.scim.protocol.filter.Filter;
import co.softdrive.scim.protocol.filter.FilterEvaluator;
import co.softdrive.scim.protocol.filter.FilterParser;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.persistence.jpa.jpql.EclipseLinkGrammarValidator;
import org.eclipse.persistence.jpa.jpql.JPQLQueryProblem;
import org.eclipse.persistence.jpa.jpql.parser.DefaultEclipseLinkJPQLGrammar;
import org.eclipse.persistence.jpa.jpql.parser.JPQLExpression;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes the filter parser (RFC 7644 §3.4.2.2) and the translation to JPQL, without a database: any
 * text is parsed or refused with {@code 400 invalidFilter}; a parsed filter is translated for Users
 * and Groups or refused the same way, and the translation is well-formed JPQL (EclipseLink's own
 * JPQL grammar validator finds no problem) whose named parameters are exactly the ones bound,
 * without a comparison of two constants (which Derby refuses once all parameters are bound). The
 * in-memory evaluator (used for PATCH value filters) must not fail on a parsed filter either.
 */
class FilterFuzzTest {
  private static final Set<String> INVALID_FILTER = Set.of("invalidFilter");
  private static final Pattern PARAMETER = Pattern.compile(":(f[0-9]+)");

  /** Literal = literal: with every parameter bound, Derby refuses it ("? = ?"). */
  private static final Pattern CONSTANT_COMPARISON =
      Pattern.compile("(^|[ (])[0-9']+[^ ]* *(=|<>) *[0-9']");

  private static final JsonObject USER =
      Json.createReader(
              new StringReader(
                  """
                  {"userName":"bjensen@example.com","active":true,"displayName":"Babs",
                   "name":{"givenName":"Barbara","familyName":"Jensen"},
                   "emails":[{"value":"bj@example.com","type":"work","primary":true}],
                   "meta":{"created":"2026-01-31T08:00:00Z"},
                   "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"42"}}
                  """))
          .readObject();

  static Stream<byte[]> seeds() {
    return Stream.of(
            "userName eq \"bjensen@example.com\"",
            "externalId eq jyoung",
            "displayName eq \"Sales\" and externalId pr",
            "emails[type eq \"work\" and value co \"@example.com\"] or not (active eq false)",
            "emails[type eq \"work\"].value eq \"x@example.com\"",
            "meta.lastModified gt \"2026-01-31T08:00:00Z\" and meta.created le \"2026-02-01T00:00:00+01:00\"",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"m-1\"",
            "urn:ietf:params:scim:schemas:core:2.0:User:name.familyName sw \"J\"",
            "members[value eq \"abc\"] and id ne null",
            "manager eq \"1\" or employeeNumber ew 1e9",
            "(title eq \"a\" or groups.display eq \"g\" or emails eq \"x\") and active eq true",
            "members.value eq \"u\" or externalId eq \"x\" or displayName eq \"d\"")
        .map(s -> s.getBytes(StandardCharsets.UTF_8));
  }

  @MethodSource("seeds")
  @DictionaryEntries({
    " eq ",
    " ne ",
    " co ",
    " sw ",
    " ew ",
    " gt ",
    " ge ",
    " lt ",
    " le ",
    " pr",
    " and ",
    " or ",
    "not (",
    "(",
    ")",
    "[",
    "]",
    "\"",
    "\\u",
    "true",
    "false",
    "null",
    ".",
    ":",
    "userName",
    "emails",
    "members",
    "value",
    "type",
    "meta.created",
    "urn:ietf:params:scim:schemas:core:2.0:User:",
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:",
    "$ref",
    "1e400",
    "-0.0"
  })
  @FuzzTest
  void filterIsTranslatedToValidJpqlOrRefusedAsInvalidFilter(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    acceptedOrRefused(() -> FilterParser.parse(text), INVALID_FILTER)
        .ifPresent(
            filter -> {
              FilterEvaluator.matches(filter, USER, null);
              translate(ResourceMapping.USERS, filter);
              translate(ResourceMapping.GROUPS, filter);
            });
  }

  private static void translate(ResourceMapping mapping, Filter filter) {
    acceptedOrRefused(() -> FilterTranslator.translate(mapping, filter, "r"), INVALID_FILTER)
        .ifPresent(jpql -> checkJpql(mapping, jpql));
    // an or split into branches (one query each): every branch is valid JPQL too
    acceptedOrRefused(() -> FilterTranslator.branches(mapping, filter, "r"), INVALID_FILTER)
        .flatMap(branches -> branches)
        .ifPresent(branches -> branches.forEach(b -> checkJpql(mapping, b)));
  }

  /** The query ResourceQueries would run, checked by EclipseLink's JPQL grammar validator. */
  private static void checkJpql(ResourceMapping mapping, JpqlFilter filter) {
    Set<String> used = new TreeSet<>();
    Matcher m = PARAMETER.matcher(filter.where());
    while (m.find()) {
      used.add(m.group(1));
    }
    if (!used.equals(new TreeSet<>(filter.parameters().keySet()))) {
      throw new AssertionError(
          "parameters " + used + " used but " + filter.parameters().keySet() + " bound");
    }
    if (CONSTANT_COMPARISON.matcher(filter.where()).find()) {
      throw new AssertionError("a comparison of two constants in " + filter.where());
    }
    String jpql =
        "SELECT r FROM "
            + mapping.entity
            + " r"
            + filter.from()
            + " WHERE r.tenantId = :tenantId AND "
            + filter.where();
    JPQLExpression expression =
        new JPQLExpression(jpql, DefaultEclipseLinkJPQLGrammar.instance(), true);
    EclipseLinkGrammarValidator validator =
        new EclipseLinkGrammarValidator(DefaultEclipseLinkJPQLGrammar.instance());
    List<JPQLQueryProblem> problems = new ArrayList<>();
    validator.setProblems(problems);
    expression.accept(validator);
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "invalid JPQL "
              + jpql
              + ": "
              + problems.stream().map(JPQLQueryProblem::getMessageKey).toList());
    }
  }
}
