package co.softdrive.scim.query;

import java.util.List;

/** One page of results and the total number of matches. */
public record Page<T>(List<T> items, long total) {}
