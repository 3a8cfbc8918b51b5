/**
 * Shared pieces of the coverage-guided fuzz tests ({@code *FuzzTest}, run by Jazzer; see
 * docs/reliability.md): the "accepted or refused with a SCIM 4xx" invariant every target checks.
 * The targets live next to the code they fuzz, since some of it is package-private.
 */
package co.softdrive.scim.fuzz;
