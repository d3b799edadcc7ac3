/**
 * HCL text for values the user wrote. A quoted HCL string is a template: `${` and `%{` start
 * interpolations and directives, so user text must have them doubled (`$${`, `%%{`) to reach
 * Terraform as the same characters. Quotes, backslashes and control characters use HCL's escapes.
 */

/** `text` as a quoted HCL string literal whose value is exactly `text`. */
export function hclString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const next = text[i + 1];
    if ((ch === '$' || ch === '%') && next === '{') out += `${ch}${ch}`;
    else if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    // Other control characters have no short escape; HCL takes \uNNNN as JSON does.
    else if (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f) out += `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** A list of strings as an HCL tuple on one line: `["a", "b"]`. */
export function hclStringList(values: readonly string[]): string {
  return `[${values.map(hclString).join(', ')}]`;
}

/**
 * A Terraform identifier (resource label, provider alias) for a name. Identifiers take letters,
 * digits, `_` and `-` and start with a letter or `_`; IAM names may also hold `+=,.@`.
 */
export function hclIdentifier(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_-]/g, '_');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
}

/**
 * Hands out identifiers unique within one namespace (one resource type, or provider aliases),
 * in the order asked, so the same program always gets the same labels.
 */
export class IdentifierAllocator {
  private readonly used = new Set<string>();

  allocate(preferred: string): string {
    const base = hclIdentifier(preferred);
    let candidate = base;
    for (let n = 2; this.used.has(candidate); n++) candidate = `${base}_${n}`;
    this.used.add(candidate);
    return candidate;
  }
}
