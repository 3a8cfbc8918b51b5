package co.softdrive.scim.persistence;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.Map;
import javax.sql.DataSource;

/** The service's persistence unit on a data source, outside a container, for tests. */
public final class OutsideContainer {
  private OutsideContainer() {}

  /** Resource-local transactions on {@code ds}, without weaving. */
  public static EntityManagerFactory entityManagers(DataSource ds) {
    return Persistence.createEntityManagerFactory(
        "scim",
        Map.of(
            "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
            "jakarta.persistence.jtaDataSource", "",
            "jakarta.persistence.nonJtaDataSource", ds,
            "eclipselink.weaving", "false"));
  }
}
