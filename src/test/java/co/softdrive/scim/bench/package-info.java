/**
 * Benchmark client for any SCIM 2.0 endpoint (docs/benchmarks.md), test scope so that it never
 * ships in the WAR. {@link co.softdrive.scim.bench.Bench} drives a server with the request shapes
 * Microsoft Entra ID really sends (docs/entra.md#provisioning-cycles, R1–R13): an initial cycle
 * (filter miss then POST for users; filter then POST then member {@code Add} PATCHes for groups),
 * an incremental cycle (attribute PATCHes, {@code active "False"}/{@code "True"}, member add and
 * remove, renames, deletes), probes on one group at several sizes, a ceiling run against trivial
 * endpoints of the same server, and filter GETs for many tenants at a fixed rate and at full speed.
 * It prints per request type throughput, p50/p95/p99/max latency and error counts as text and JSON;
 * {@link co.softdrive.scim.bench.BenchChart} draws a PNG from such JSON files.
 *
 * <p>Run with {@code mvn -Pbench test-compile exec:java -Dbench.args="--help"}. Every loop is
 * bounded by a request count or a duration; all traffic goes to the given base URL.
 */
package co.softdrive.scim.bench;
