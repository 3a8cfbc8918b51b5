package co.softdrive.scim.resource;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The beans every SCIM request of Entra's goes through are created once, not per request, and
 * therefore hold no state of their own: each instance field is an injected service or a proxy that
 * answers for the current request. A field that is neither would be shared by concurrent requests.
 */
class SharedEndpointsTest {
  static final List<Class<?>> SHARED =
      List.of(UsersResource.class, GroupsResource.class, ScimResponses.class);

  @Test
  void theyAreApplicationScoped() {
    for (Class<?> type : SHARED) {
      assertTrue(type.isAnnotationPresent(ApplicationScoped.class), type.getSimpleName());
    }
  }

  @Test
  void everyInstanceFieldIsInjected() {
    List<String> own = new ArrayList<>();
    for (Class<?> type : SHARED) {
      for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          if (!Modifier.isStatic(f.getModifiers())
              && !f.isSynthetic()
              && !f.isAnnotationPresent(Inject.class)
              && !f.isAnnotationPresent(Context.class)) {
            own.add(c.getSimpleName() + "." + f.getName());
          }
        }
      }
    }
    assertTrue(own.isEmpty(), "fields of their own: " + own);
  }
}
