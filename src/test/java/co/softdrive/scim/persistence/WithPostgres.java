package co.softdrive.scim.persistence;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A test (or class) that runs on PostgreSQL when {@code -Dtest.pg.url} is set ({@link
 * ScratchPostgres}); skipped with one line saying how otherwise.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@EnabledIfSystemProperty(
    named = "test.pg.url",
    matches = ".+",
    disabledReason =
        "PostgreSQL run skipped: set -Dtest.pg.url=jdbc:postgresql://127.0.0.1:5432/postgres"
            + " (and -Dtest.pg.user, -Dtest.pg.password; .ci/run does)")
public @interface WithPostgres {}
