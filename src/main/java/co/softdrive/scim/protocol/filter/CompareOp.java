package co.softdrive.scim.protocol.filter;

/** Comparison operators of RFC 7644 §3.4.2.2, table 3 ({@code pr} is {@link Filter.Present}). */
public enum CompareOp {
  EQ,
  NE,
  CO,
  SW,
  EW,
  GT,
  GE,
  LT,
  LE
}
