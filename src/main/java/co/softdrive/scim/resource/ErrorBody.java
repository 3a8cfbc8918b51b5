package co.softdrive.scim.resource;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * An error answer's entity ({@link ErrorBodies}): the JSON written to the client together with the
 * SCIM error type and detail it was made of, so that the activity recording reads them from the
 * response instead of parsing the body again.
 *
 * @param json the body as written (SCIM error or the admin API's JSON error)
 */
public record ErrorBody(int status, String scimType, String detail, String json) {
  @Override
  public String toString() {
    return json;
  }

  /** Writes the JSON as it is. */
  @Provider
  @Produces({MediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  public static final class Writer implements MessageBodyWriter<ErrorBody> {
    @Override
    public boolean isWriteable(
        Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
      return type == ErrorBody.class;
    }

    @Override
    public void writeTo(
        ErrorBody body,
        Class<?> type,
        Type genericType,
        Annotation[] annotations,
        MediaType mediaType,
        MultivaluedMap<String, Object> httpHeaders,
        OutputStream out)
        throws IOException, WebApplicationException {
      out.write(body.json().getBytes(StandardCharsets.UTF_8));
    }
  }
}
