package co.softdrive.scim.it;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The support console over plain HTTP, without a browser: a staff session (form sign-in with the
 * Faces view state), page loads, and PrimeFaces ajax postbacks. Enough to read what a page renders
 * for given URL parameters and to press a button, cheaply.
 */
public final class ConsoleClient {
  private static final Pattern VIEW_STATE_INPUT =
      Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");
  // PrimeFaces with CSP on: a page (or ajax answer) starts its scripts with this nonce, and every
  // ajax postback must carry it back as the request parameter primefaces.nonce.
  private static final Pattern CSP_NONCE =
      Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");
  private static final Pattern VIEW_STATE_UPDATE =
      Pattern.compile("jakarta\\.faces\\.ViewState:\\d+\"><!\\[CDATA\\[([^\\]]+)\\]\\]>");

  private final HttpClient http =
      HttpClient.newBuilder()
          // HTTP/1.1: answers to the h2c upgrade of a first request arrived cut short here.
          .version(HttpClient.Version.HTTP_1_1)
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /** What the server answered: status, final path (after redirects), body and headers. */
  public record Page(int status, String path, String body, HttpHeaders headers) {
    /** The first value of a response header, or null. */
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    /** The Faces view state of this page or ajax response (the key a postback must carry). */
    public String viewState() {
      Matcher m = VIEW_STATE_UPDATE.matcher(body);
      if (m.find()) {
        return m.group(1);
      }
      m = VIEW_STATE_INPUT.matcher(body);
      if (!m.find()) {
        throw new IllegalStateException("No view state on " + path + " (status " + status + ")");
      }
      return m.group(1);
    }
  }

  /** A new session signed in as this staff account; fails unless the console home is reached. */
  public static ConsoleClient signedIn(String username, String password) {
    ConsoleClient c = new ConsoleClient();
    Page after = c.signIn(username, password);
    if (after.status() != 200 || !after.path().startsWith("/console/")) {
      throw new IllegalStateException("Sign-in of " + username + " failed: " + after.path());
    }
    return c;
  }

  /** Submits the sign-in form; returns the page it leads to (the form again when refused). */
  public Page signIn(String username, String password) {
    Page form = get("/login.xhtml");
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("login", "login");
    fields.put("login_SUBMIT", "1");
    fields.put("login:next", "");
    fields.put("login:username", username);
    fields.put("login:password", password);
    fields.put("login:submit", "");
    fields.put("jakarta.faces.ViewState", form.viewState());
    // PrimeFaces' script adds the page's CSP nonce to the form before a browser posts it; a
    // postback without it is refused (console.UnsignedPostbacks).
    cspNonce(form.body()).ifPresent(n -> fields.put("primefaces.nonce", n));
    return post("/login.xhtml", fields, false);
  }

  /**
   * Submits {@code form} of the page {@code on} as a browser with JavaScript off does: a plain (not
   * ajax) postback with the view state and the given fields, but without the CSP nonce that
   * PrimeFaces' script adds to every form.
   */
  public Page submitWithoutScript(Page on, String form, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put(form, form);
    all.put(form + "_SUBMIT", "1");
    all.putAll(fields);
    all.put("jakarta.faces.ViewState", on.viewState());
    return post(on.path(), all, false);
  }

  /** A GET of a page; {@code pathAndQuery} is sent as given (encode parameters yourself). */
  public Page get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
  }

  /**
   * Presses a PrimeFaces command button by ajax, as its {@code PrimeFaces.ab({s, f, u})} call does:
   * the button {@code source} processes its {@code form} with the given field values and asks for
   * the {@code render} ids (space-separated) back in a partial response.
   */
  public Page press(
      Page on, String source, String form, String render, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put(source, source);
    all.put(form, form);
    all.put(form + "_SUBMIT", "1");
    all.putAll(fields);
    return ajax(on, source, form, render, all);
  }

  /**
   * Fires a {@code <p:ajax event>} of an input: the input {@code source} is processed with the
   * given field values and the {@code render} ids come back in a partial response.
   */
  public Page fire(
      Page on, String source, String event, String render, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("jakarta.faces.behavior.event", event);
    all.put("jakarta.faces.partial.event", event);
    all.putAll(fields);
    return ajax(on, source, source, render, all);
  }

  private Page ajax(
      Page on, String source, String execute, String render, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("jakarta.faces.partial.ajax", "true");
    all.put("jakarta.faces.source", source);
    all.put("jakarta.faces.partial.execute", execute);
    all.put("jakarta.faces.partial.render", render);
    all.putAll(fields);
    all.put("jakarta.faces.ViewState", on.viewState());
    cspNonce(on.body()).ifPresent(n -> all.put("primefaces.nonce", n));
    return post(on.path(), all, true);
  }

  private Page post(String path, Map<String, String> fields, boolean ajax) {
    String body =
        fields.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (ajax) {
      b.header("Faces-Request", "partial/ajax").header("X-Requested-With", "XMLHttpRequest");
    }
    return send(b);
  }

  private Page send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r =
          http.send(
              b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
      return new Page(r.statusCode(), r.uri().getPath(), r.body(), r.headers());
    } catch (Exception e) {
      throw new IllegalStateException("console request failed", e);
    }
  }

  private static URI uri(String pathAndQuery) {
    return URI.create(ItConfig.baseUrl() + pathAndQuery);
  }

  /** A URL query parameter value. */
  /** The CSP nonce PrimeFaces' scripts start with on this page, which postbacks carry back. */
  public static java.util.Optional<String> cspNonce(String html) {
    Matcher nonce = CSP_NONCE.matcher(html);
    return nonce.find() ? java.util.Optional.of(nonce.group(1)) : java.util.Optional.empty();
  }

  public static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
