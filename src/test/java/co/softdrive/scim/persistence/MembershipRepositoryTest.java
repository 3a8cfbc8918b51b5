package co.softdrive.scim.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MembershipRepositoryTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 4, 256})
  void insertStatementHasFourParametersPerRow(int rows) {
    String sql = MembershipRepository.insertSql(rows);
    assertEquals(rows * 4, sql.chars().filter(c -> c == '?').count());
    assertEquals(rows, sql.split("\\(\\?").length - 1);
  }
}
