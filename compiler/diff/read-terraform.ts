/**
 * Reads back the few facts a version-1 manifest does not record from the Terraform iamc wrote
 * beside it: a role's maximum session and extra managed policies, a permission set's boundary and
 * managed policies, an archive rule's principal. Only iamc's own layout is read (`resource` blocks
 * at the start of a line, one attribute per line); anything else is left unknown, never guessed.
 */

export interface TerraformBlock {
  readonly type: string;
  readonly label: string;
  /** Attribute name → raw HCL expression text, nested blocks flattened (last one wins). */
  readonly attributes: ReadonlyMap<string, string>;
}

export function readTerraformBlocks(texts: readonly string[]): TerraformBlock[] {
  const blocks: TerraformBlock[] = [];
  for (const text of texts) {
    let current: { type: string; label: string; attributes: Map<string, string> } | undefined;
    for (const line of text.split('\n')) {
      const open = /^resource "([^"]+)" "([^"]+)" \{\s*$/.exec(line);
      if (open) {
        current = { type: open[1]!, label: open[2]!, attributes: new Map() };
        continue;
      }
      if (line === '}') {
        if (current) blocks.push(current);
        current = undefined;
        continue;
      }
      const attribute = /^\s+([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*(.*?)\s*$/.exec(line);
      if (current && attribute) current.attributes.set(attribute[1]!, attribute[2]!);
    }
  }
  return blocks;
}

/** The value of a quoted HCL string literal (iamc's escapes undone); undefined for any other expression. */
export function hclStringValue(expr: string | undefined): string | undefined {
  if (expr === undefined || !/^"(?:[^"\\]|\\.)*"$/.test(expr)) return undefined;
  let out = '';
  const body = expr.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    const next = body[i + 1];
    if (ch === '\\') {
      i++;
      if (next === 'n') out += '\n';
      else if (next === 'r') out += '\r';
      else if (next === 't') out += '\t';
      else if (next === 'u') {
        out += String.fromCharCode(parseInt(body.slice(i + 1, i + 5), 16));
        i += 4;
      } else out += next ?? '';
    } else if ((ch === '$' || ch === '%') && next === ch && body[i + 2] === '{') {
      // `$${` and `%%{` are the escaped forms of a literal `${` and `%{`.
      out += ch;
      i++;
    } else if (ch === '$' || ch === '%') {
      // An unescaped interpolation is an expression, not a literal.
      if (next === '{') return undefined;
      out += ch;
    } else out += ch;
  }
  return out;
}

/** The strings of an HCL tuple of string literals (`["a", "b"]`); undefined for anything else. */
export function hclStringList(expr: string | undefined): string[] | undefined {
  if (expr === undefined) return undefined;
  const match = /^\[(.*)\]$/.exec(expr);
  if (!match) return undefined;
  const items = match[1]!.match(/"(?:[^"\\]|\\.)*"/g) ?? [];
  const values = items.map(hclStringValue);
  return values.every((v): v is string => v !== undefined) ? values : undefined;
}

/** `aws_ssoadmin_permission_set.LABEL.arn` → `LABEL` when the expression refers to that type. */
export function referencedLabel(expr: string | undefined, type: string): string | undefined {
  if (expr === undefined) return undefined;
  const match = new RegExp(`^${type}\\.([A-Za-z0-9_-]+)\\.[a-z_]+$`).exec(expr);
  return match ? match[1] : undefined;
}
