/**
 * Reading values back from `@cdktf/hcl2json`. It decodes backslash escapes but keeps template
 * syntax as written: an interpolation shows as `${…}`, an escaped literal as `$${` / `%%{`.
 */
import { parse } from '@cdktf/hcl2json';

export type HclJson = Record<string, unknown>;

export async function parseHcl(file: string, text: string): Promise<HclJson> {
  return (await parse(file, text)) as HclJson;
}

/** The literal text of a parsed string, or undefined when it holds an interpolation or directive. */
export function literalText(raw: string): string | undefined {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if ((ch === '$' || ch === '%') && raw[i + 1] === ch && raw[i + 2] === '{') {
      out += `${ch}{`;
      i += 2;
    } else if ((ch === '$' || ch === '%') && raw[i + 1] === '{') return undefined;
    else out += ch;
  }
  return out;
}

/** `resource.TYPE.LABEL[0]` of a parsed file. */
export function resourceBody(parsed: HclJson, type: string, label: string): Record<string, unknown> {
  const resources = parsed['resource'] as Record<string, Record<string, Record<string, unknown>[]>> | undefined;
  const body = resources?.[type]?.[label]?.[0];
  if (!body) throw new Error(`no resource ${type}.${label}`);
  return body;
}
