package co.softdrive.scim.protocol.filter;

import co.softdrive.scim.protocol.path.AttrPath;
import jakarta.json.JsonValue;
import java.util.Objects;

/**
 * The abstract syntax tree of a SCIM filter (RFC 7644 §3.4.2.2). Built by {@link FilterParser};
 * turned into SQL by the {@code query} package and evaluated in memory on JSON by {@link
 * FilterEvaluator} (for PATCH value paths such as {@code emails[type eq "work"]}).
 */
public sealed interface Filter {

  /** {@code left and right}. */
  record And(Filter left, Filter right) implements Filter {
    public And {
      Objects.requireNonNull(left);
      Objects.requireNonNull(right);
    }
  }

  /** {@code left or right}. */
  record Or(Filter left, Filter right) implements Filter {
    public Or {
      Objects.requireNonNull(left);
      Objects.requireNonNull(right);
    }
  }

  /** {@code not (inner)}. */
  record Not(Filter inner) implements Filter {
    public Not {
      Objects.requireNonNull(inner);
    }
  }

  /**
   * {@code attr op value}. {@code value} is a {@link jakarta.json.JsonString}, {@link
   * jakarta.json.JsonNumber}, {@link JsonValue#TRUE}, {@link JsonValue#FALSE} or {@link
   * JsonValue#NULL}, exactly as written in the filter (typing against the schema happens later).
   */
  record Compare(AttrPath attr, CompareOp op, JsonValue value) implements Filter {
    public Compare {
      Objects.requireNonNull(attr);
      Objects.requireNonNull(op);
      Objects.requireNonNull(value);
    }
  }

  /** {@code attr pr}. */
  record Present(AttrPath attr) implements Filter {
    public Present {
      Objects.requireNonNull(attr);
    }
  }

  /**
   * {@code attr[filter]}: a complex multi-valued attribute with a filter on its sub-attributes. The
   * inner filter's attribute paths are relative to the element (e.g. {@code type}); {@code attr}
   * has no sub-attribute.
   */
  record ValuePath(AttrPath attr, Filter filter) implements Filter {
    public ValuePath {
      Objects.requireNonNull(attr);
      Objects.requireNonNull(filter);
    }
  }
}
