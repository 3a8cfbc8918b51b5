/** JSON-P plumbing shared by every layer: the provider, looked up once. */
package co.softdrive.scim.protocol.json;
