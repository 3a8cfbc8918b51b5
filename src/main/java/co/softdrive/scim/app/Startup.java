package co.softdrive.scim.app;

import co.softdrive.scim.health.DatabaseState;
import co.softdrive.scim.persistence.Migrations;
import co.softdrive.scim.persistence.SchemaStatus;
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
 * Start-up: makes client errors keep the HTTP connection ({@link KeepAliveOnClientErrors}), applies
 * schema migrations and creates the first admin account. When the database is not reachable yet, it
 * retries every few seconds while readiness reports DOWN, instead of failing the application.
 *
 * <p>Schema versions during a rolling upgrade (docs/operations.md): a schema that a newer release
 * already migrated further is used as it is (migrations expand only); a schema contracted past what
 * this build knows ({@link SchemaStatus#usable()} false) keeps this instance unready, re-checked
 * every minute, so that the balancer sends it nothing.
 */
@WebListener
public class Startup implements ServletContextListener {
  private static final Logger LOG = Logger.getLogger(Startup.class.getName());
  static final long RETRY_SECONDS = 5;
  static final long INCOMPATIBLE_RETRY_SECONDS = 60;

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
    KeepAliveOnClientErrors.apply(event.getServletContext().getClass().getClassLoader());
    retry();
  }

  private void retry() {
    long delay = tryStart();
    if (delay > 0) {
      scheduler.schedule(this::retry, delay, TimeUnit.SECONDS);
    }
  }

  /** One attempt; returns 0 when the service is ready, else the seconds until the next attempt. */
  private long tryStart() {
    try {
      SchemaStatus schema = Migrations.migrate(dataSource);
      if (!schema.usable()) {
        state.found(schema);
        LOG.log(
            Level.SEVERE,
            "The database schema (version {0}) was contracted for builds that know migration {1}"
                + " or later; this build knows up to {2}. This instance stays unready: deploy the"
                + " newer release. Checking again in {3} s.",
            new Object[] {
              schema.database(), schema.requiredKnown(), schema.known(), INCOMPATIBLE_RETRY_SECONDS
            });
        return INCOMPATIBLE_RETRY_SECONDS;
      }
      if (schema.ahead()) {
        LOG.log(
            Level.INFO,
            "The database schema is at version {0}, ahead of this build ({1}): a newer release"
                + " runs beside this one; serving, as expand-only migrations allow",
            new Object[] {schema.database(), schema.known()});
      }
      bootstrapFirstAdmin();
      state.found(schema);
      jobs.start();
      LOG.info("Database schema is up to date; the service is ready");
      return 0;
    } catch (Exception e) {
      LOG.log(
          Level.SEVERE,
          "Database not ready (" + e.getMessage() + "); retrying in " + RETRY_SECONDS + " s",
          e);
      return RETRY_SECONDS;
    }
  }

  /**
   * Creates the first admin account when there is none, and logs that only once it is committed: of
   * two instances starting together on an empty database, the one that lost the race must not log a
   * password that was never stored.
   */
  private void bootstrapFirstAdmin() {
    String configured = adminPassword.filter(p -> !p.isBlank()).orElse(null);
    String password = configured != null ? configured : StaffService.randomPassword();
    boolean created;
    try {
      created = staff.createFirstAdmin(adminUser, password);
    } catch (RuntimeException e) {
      if (!staff.anyAccount()) {
        throw e;
      }
      created = false; // another instance created it at the same moment
    }
    if (!created) {
      return;
    }
    if (configured == null) {
      // Deliberately logged once: this is the only way to learn the generated first password.
      LOG.log(
          Level.WARNING,
          "Created the first admin account \"{0}\" with the generated password {1} ."
              + " Sign in and change it; set SOFTDRIVE_ADMIN_PASSWORD to choose it instead.",
          new Object[] {adminUser, password});
    } else {
      LOG.log(Level.INFO, "Created the first admin account \"{0}\" from configuration", adminUser);
    }
  }
}
