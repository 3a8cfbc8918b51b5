package co.softdrive.scim.activity;

import co.softdrive.scim.feed.WebhookSignature;
import co.softdrive.scim.token.TokenSecrets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the secrets this service issues out of text before it is recorded: a client that puts its
 * bearer token into a path, a filter or a PATCH path ({@code GET /Users?filter=userName eq
 * "sdscim_..."}) must not find it again in the activity log or the console. Recognised by their
 * prefixes (which exist for exactly this): service-account tokens ({@code sdscim_}, {@link
 * TokenSecrets}) and webhook signing secrets ({@code whsec_}, {@link WebhookSignature}), in any
 * letter case, followed by base64url characters. A whole, well-formed token keeps its display
 * prefix (the 13 characters the token list shows, so support can tell which token leaked); anything
 * else keeps only the prefix.
 */
final class SecretRedactor {
  static final String REDACTED = "\u2026[redacted]";

  private static final Pattern SECRET =
      Pattern.compile(
          "(?i)("
              + Pattern.quote(TokenSecrets.PREFIX)
              + "|"
              + Pattern.quote(WebhookSignature.SECRET_PREFIX)
              + ")[A-Za-z0-9_-]*");

  private SecretRedactor() {}

  /** The text with every secret-shaped run replaced; null stays null. */
  static String redact(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = SECRET.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    do {
      m.appendReplacement(out, Matcher.quoteReplacement(kept(m.group()) + REDACTED));
    } while (m.find());
    m.appendTail(out);
    return out.toString();
  }

  private static String kept(String secret) {
    String prefix = secret.substring(0, secret.indexOf('_') + 1);
    boolean token = prefix.toLowerCase(Locale.ROOT).equals(TokenSecrets.PREFIX);
    return token && TokenSecrets.isWellFormed(secret) ? TokenSecrets.displayPrefix(secret) : prefix;
  }
}
