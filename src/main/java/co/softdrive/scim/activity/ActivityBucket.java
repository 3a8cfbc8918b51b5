package co.softdrive.scim.activity;

import java.time.Instant;

/** Requests, failures and latency of one time bucket, for the console's charts. */
public record ActivityBucket(
    Instant start,
    long requests,
    long clientErrors,
    long serverErrors,
    long avgLatencyMs,
    long maxLatencyMs) {
  public long errors() {
    return clientErrors + serverErrors;
  }
}
