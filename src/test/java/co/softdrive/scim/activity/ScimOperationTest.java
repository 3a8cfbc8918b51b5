package co.softdrive.scim.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScimOperationTest {

  static Stream<Arguments> rows() {
    return Stream.of(
        Arguments.of("GET", "/Users", "Users.list", "User", null),
        Arguments.of("POST", "/Users", "Users.create", "User", null),
        Arguments.of("POST", "/Users/.search", "Users.search", "User", null),
        Arguments.of("GET", "/Users/abc", "Users.get", "User", "abc"),
        Arguments.of("PUT", "/Users/abc", "Users.replace", "User", "abc"),
        Arguments.of("PATCH", "/Users/abc/", "Users.patch", "User", "abc"),
        Arguments.of("DELETE", "Users/abc", "Users.delete", "User", "abc"),
        Arguments.of("patch", "/groups/g1", "Groups.patch", "Group", "g1"),
        Arguments.of("GET", "/Groups", "Groups.list", "Group", null),
        Arguments.of("GET", "/Schemas/urn:x", "Discovery", null, null),
        Arguments.of("GET", "/ServiceProviderConfig", "Discovery", null, null),
        Arguments.of("GET", "/ResourceTypes", "Discovery", null, null),
        Arguments.of("GET", "/", "Other", null, null),
        Arguments.of("DELETE", "/Users", "Other", "User", null),
        Arguments.of("GET", "/Users/a/b", "Other", "User", "a"),
        Arguments.of("GET", "/Bulk", "Other", null, null));
  }

  @ParameterizedTest
  @MethodSource("rows")
  void methodAndPathNameTheOperation(
      String method, String path, String operation, String type, String id) {
    assertEquals(new ScimOperation(operation, type, id), ScimOperation.classify(method, path));
  }

  @ParameterizedTest
  @MethodSource("rows")
  void everyClassifiedOperationIsOfferedAsAFilter(
      String method, String path, String operation, String type, String id) {
    assertEquals(true, ScimOperation.NAMES.contains(operation));
  }

  @org.junit.jupiter.api.Test
  void createLearnsItsIdFromTheResponseButAnIdInThePathWins() {
    assertEquals(
        "new", ScimOperation.classify("POST", "/Users").withResourceId("new").resourceId());
    assertEquals(
        "abc", ScimOperation.classify("GET", "/Users/abc").withResourceId("x").resourceId());
  }
}
