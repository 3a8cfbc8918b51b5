package co.softdrive.scim.provisioning;

import co.softdrive.scim.config.LimitsConfig;
import co.softdrive.scim.protocol.patch.PatchEngine;
import co.softdrive.scim.protocol.patch.PatchRequest;
import co.softdrive.scim.protocol.patch.entra.EntraQuirks;
import co.softdrive.scim.protocol.schema.ResourceNormalizer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The plain-Java protocol pieces, configured once from MicroProfile Config: which Entra quirks are
 * handled ({@code scim.entra.<quirk>.enabled}, all on by default), the normalizer and the PATCH
 * engine, both within the configured {@code scim.limits.*}.
 */
@ApplicationScoped
public class ProtocolComponents {
  private static final Logger LOG = Logger.getLogger(ProtocolComponents.class.getName());

  @Inject LimitsConfig limits;

  private EntraQuirks quirks;
  private ResourceNormalizer normalizer;
  private PatchEngine patchEngine;

  @PostConstruct
  void init() {
    var config = ConfigProvider.getConfig();
    quirks = EntraQuirks.fromConfig(key -> config.getOptionalValue(key, String.class));
    if (!quirks.equals(EntraQuirks.defaults())) {
      LOG.log(Level.WARNING, "Some Entra workarounds are switched off: {0}", quirks);
    }
    normalizer = new ResourceNormalizer(quirks.valueRewrites(), limits.limits());
    patchEngine = new PatchEngine(quirks, limits.limits());
  }

  public ResourceNormalizer normalizer() {
    return normalizer;
  }

  public PatchEngine patchEngine() {
    return patchEngine;
  }

  public PatchRequest parsePatch(JsonObject body) {
    return PatchRequest.parse(body, quirks, limits.limits());
  }
}
