/**
 * SCIM filters (RFC 7644 §3.4.2.2): the {@link co.softdrive.scim.protocol.filter.Filter} AST,
 * {@link co.softdrive.scim.protocol.filter.FilterParser} that builds it from text, and {@link
 * co.softdrive.scim.protocol.filter.FilterEvaluator} that evaluates it on a JSON object (for PATCH
 * value paths). The same parser reads PATCH paths ({@link
 * co.softdrive.scim.protocol.filter.PathParser} into {@link
 * co.softdrive.scim.protocol.filter.PatchPath}), which share its lexer and value-filter rule;
 * attribute references ({@code AttrPath}) are in the {@code path} package, below this one. Turning
 * the AST into SQL lives in {@code query}. The parser is recursive descent over this grammar (RFC
 * 7644 §3.4.2.2 and §3.5.2 with precedence made explicit); each rule method quotes its production.
 *
 * <pre>
 * FILTER     = orExp
 * orExp      = andExp *( SP "or" SP andExp )              ; left-associative
 * andExp     = unary *( SP "and" SP unary )               ; left-associative, tighter than or
 * unary      = "not" [SP] "(" FILTER ")"                  ; tighter than and
 *            / "(" FILTER ")"
 *            / attrExp
 *            / valuePath
 * attrExp    = attrPath SP "pr"
 *            / attrPath SP compareOp SP compValue
 * valuePath  = attrPath "[" valFilter "]"
 *              [ "." ATTRNAME SP ( "pr" / compareOp SP compValue ) ]   ; Entra, see below
 * valFilter  = FILTER                                     ; without a valuePath inside
 * compareOp  = "eq" / "ne" / "co" / "sw" / "ew" / "gt" / "lt" / "ge" / "le"
 * compValue  = "false" / "null" / "true" / number / string / bare
 * number     = JSON number (RFC 8259 §6)
 * string     = JSON string (RFC 8259 §7), escapes included
 * bare       = 1*( any character but SP HTAB "(" ")" "[" "]" DQUOTE )   ; Entra, a string
 * attrPath   = [ URI ":" ] ATTRNAME [ subAttr ]           ; URI = up to the last ":"
 * ATTRNAME   = ALPHA *( nameChar ) / "$ref"
 * nameChar   = "-" / "_" / DIGIT / ALPHA
 * subAttr    = "." ATTRNAME
 * SP         = 1*( " " / HTAB )                           ; "+" in a query is already a space
 *
 * PATH       = attrPath / valuePath [ subAttr ] / schemaURN      ; PATCH, RFC 7644 §3.5.2
 * schemaURN  = URI ":" version ":" ATTRNAME               ; a whole extension, e.g.
 *                                                         ; urn:...:enterprise:2.0:User
 * </pre>
 *
 * <p>Keywords, operators and the literals {@code true false null} are case-insensitive. {@code
 * valuePath "." ATTRNAME op value} is how Entra writes {@code emails[type eq "work"].value eq "x"};
 * it becomes {@code emails[type eq "work" and value eq "x"]}. A {@code bare} value is how Entra
 * writes {@code externalId eq jyoung}; it becomes the string {@code "jyoung"} unless it is a
 * literal or a number. Limits: length, depth and operand count, from {@link
 * co.softdrive.scim.protocol.limits.Limits}.
 */
package co.softdrive.scim.protocol.filter;
