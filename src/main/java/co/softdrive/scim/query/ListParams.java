package co.softdrive.scim.query;

import co.softdrive.scim.protocol.filter.Filter;
import co.softdrive.scim.protocol.path.AttrPath;

/**
 * What a list or search asks for (RFC 7644 §3.4.2): an optional filter, an optional sort, and a
 * 1-based page. Values are already clamped by the caller.
 *
 * @param filter the filter, or null for all
 * @param sortBy the sort attribute, or null for creation order
 * @param descending sortOrder=descending
 * @param startIndex 1-based index of the first result
 * @param count maximum number of results (0 = only count)
 */
public record ListParams(
    Filter filter, AttrPath sortBy, boolean descending, int startIndex, int count) {}
