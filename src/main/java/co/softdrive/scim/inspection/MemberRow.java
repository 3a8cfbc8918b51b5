package co.softdrive.scim.inspection;

/** One member of a group, as the group detail lists it. */
public record MemberRow(String id, String userName, boolean active, String accountState) {}
