package co.softdrive.scim.platform;

import co.softdrive.scim.persistence.Migrations;
import co.softdrive.scim.staff.StaffService;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Start-up: applies schema migrations and creates the first admin account. When the database is
 * not reachable yet, it retries every few seconds while readiness reports DOWN, instead of failing
 * the application.
 */
@WebListener
public class Startup implements ServletContextListener {
  private static final Logger LOG = Logger.getLogger(Startup.class.getName());
  static final long RETRY_SECONDS = 5;

  @Resource(lookup = "jdbc/scim")
  DataSource dataSource;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject DatabaseState state;
  @Inject StaffService staff;
  @Inject JobScheduler jobs;

  @Inject
  @ConfigProperty(name = "softdrive.admin.user", defaultValue = "admin")
  String adminUser;

  @Inject
  @ConfigProperty(name = "softdrive.admin.password")
  Optional<String> adminPassword;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    if (!tryStart()) {
      scheduler.schedule(this::retry, RETRY_SECONDS, TimeUnit.SECONDS);
    }
  }

  private void retry() {
    if (!tryStart()) {
      scheduler.schedule(this::retry, RETRY_SECONDS, TimeUnit.SECONDS);
    }
  }

  private boolean tryStart() {
    try {
      Migrations.migrate(dataSource);
      staff.bootstrap(adminUser, adminPassword.orElse(null));
      state.markMigrated();
      jobs.start();
      LOG.info("Database schema is up to date; the service is ready");
      return true;
    } catch (Exception e) {
      LOG.log(
          Level.SEVERE,
          "Database not ready (" + e.getMessage() + "); retrying in " + RETRY_SECONDS + " s",
          e);
      return false;
    }
  }
}
