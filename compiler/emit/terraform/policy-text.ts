/**
 * Policy documents as HCL values. Each document is the minified IAM JSON (the same JSON iamc
 * writes to OUT/iam, whitespace outside strings removed) in one quoted HCL string: one escaping
 * path for every character a user can write, and no reordering (`jsonencode` sorts keys, so the
 * plan would show a document that differs from the JSON file). docs/terraform.md says more.
 */
import { policyObject } from '../../ir/policy-json.js';
import type { PolicyDocument } from '../../ir/policy.js';
import { hclString } from './hcl-escape.js';

/**
 * The document as an HCL string. `references` maps exact string values (e.g. an OIDC provider's
 * ARN in a trust policy) to Terraform expressions, so the document refers to the resource rather
 * than repeating its ARN, and Terraform orders creation by it.
 */
export function policyHcl(doc: PolicyDocument, references: ReadonlyMap<string, string> = new Map()): string {
  return jsonHcl(policyObject(doc), references);
}

/** Any JSON value as an HCL string holding its minified text, with referenced values interpolated. */
export function jsonHcl(value: unknown, references: ReadonlyMap<string, string> = new Map()): string {
  const plain = JSON.stringify(value);
  if (references.size === 0) return hclString(plain);
  // Placeholders are plain words that escaping leaves alone; one that already occurs in the
  // text is lengthened until it does not, so user text can never be mistaken for a reference.
  let stem = 'IAMCREF';
  while (plain.includes(stem)) stem = `${stem}X`;
  const placeholders = new Map<string, string>();
  let n = 0;
  const substituted = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'string' && references.has(v)) {
      const placeholder = `${stem}${n++}Z`;
      placeholders.set(placeholder, `\${${references.get(v)!}}`);
      return placeholder;
    }
    return v;
  });
  let text = hclString(substituted);
  for (const [placeholder, expression] of placeholders) text = text.split(placeholder).join(expression);
  return text;
}
