/**
 * Refusing too much, with {@code 429} and {@code Retry-After}, before it costs anything.
 *
 * <ul>
 *   <li>{@link co.softdrive.scim.throttle.TenantRateLimiter}: each tenant's SCIM requests go
 *       through a token bucket ({@code scim.limits.rate.per-second}, burst {@code burst-seconds}
 *       times that, or the tenant's own {@code rateLimitPerSecond}). With several instances on one
 *       database each enforces its share, rate / live instances, where {@code
 *       throttle.LiveInstances} counts instances by their heartbeat rows (written by {@link
 *       co.softdrive.scim.throttle.HeartbeatJob}): no database write per request, and the sum over
 *       the instances never exceeds the limit while the count is current.
 *   <li>{@link co.softdrive.scim.throttle.AuthThrottle}: failed authentications per source (the
 *       client address; {@code X-Forwarded-For} only from a trusted proxy, see {@link
 *       co.softdrive.scim.throttle.ClientAddress}) within a window. Over budget, a source gets
 *       {@code 429} for what would have been a failure, but a credential this instance already
 *       knows to be valid still works, so the legitimate token or password is never locked out by
 *       someone else's guesses, and guesses cost no database lookup and no PBKDF2 run.
 * </ul>
 *
 * Health, metrics and the admin API's own endpoints are never rate limited; only the SCIM base is.
 * Throttled requests are counted in the metric {@code scim.throttled} by {@code reason}.
 */
package co.softdrive.scim.throttle;
