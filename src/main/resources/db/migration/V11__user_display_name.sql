-- Groups' members[].display and users' manager.displayName show the referenced user's displayName
-- (RFC 7643 §4.2, §4.3). A group's members are streamed page by page from group_member; to give
-- each its display name in the same query (a join on the user's primary key, never a query per
-- member) the user row carries displayName as sent, beside the lower-cased display_name_ci that
-- filters and sorts use. NULL: no displayName, or one longer than the column.
-- FILL USER DISPLAY NAMES (persistence.DisplayNameFill, in Java: the name lives in the stored JSON)
-- copies it from every existing user. Expand-only: the column is nullable, so an instance of the
-- previous release keeps writing; a user it writes shows no display name until this release
-- writes the user again.

ALTER TABLE scim_user ADD COLUMN display_name VARCHAR(512)
;
FILL USER DISPLAY NAMES
