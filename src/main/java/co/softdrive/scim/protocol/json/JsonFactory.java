package co.softdrive.scim.protocol.json;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of the service. Every static factory method of {@code jakarta.json.Json}
 * looks the provider up again through {@link java.util.ServiceLoader}, which on Liberty walks the
 * application's class loaders for {@code META-INF/services} files: about 6% of the server's CPU in
 * an Entra initial cycle (JFR, docs/benchmarks.md). Use {@code JSON.createObjectBuilder()} and so
 * on instead; the provider is thread-safe.
 */
public final class JsonFactory {
  public static final JsonProvider JSON = JsonProvider.provider();

  private JsonFactory() {}
}
