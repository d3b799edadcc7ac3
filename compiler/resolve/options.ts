/**
 * A grant's option clauses (`family "web-task"`, YAML `family: web-task`), checked against the
 * options its pattern declares (stdlib/pattern.ts, `Pattern.options`): the word, once, and a value
 * the option's rule accepts. The values reach the pattern's `on` and `conditions` as `options`.
 */
import { serviceExists, services } from '../catalogue/catalogue.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { Grant, Word } from '../syntax/ast.js';
import type { Pattern } from '../../stdlib/pattern.js';
import { checkNameCharacters } from './characters.js';
import type { ResolveContext } from './context.js';

/** The grant's keywords, offered beside a pattern's options when a clause word is misspelt. */
const GRANT_CLAUSES = ['in', 'to', 'when', 'because'];

/**
 * The options written, checked against the pattern's: an unknown word (with the nearest option or
 * clause), a word given twice, a value the option's rule refuses. `undefined` when none is written,
 * `null` when one is wrong (reported).
 */
export function resolveOptions(ctx: ResolveContext, grant: Grant, pattern: Pattern): Readonly<Record<string, string>> | undefined | null {
  const written = grant.options ?? [];
  if (written.length === 0) return undefined;
  const declared = pattern.options ?? {};
  const names = Object.keys(declared).sort();
  const out: Record<string, string> = {};
  const seen = new Map<string, Word>();
  let ok = true;
  for (const option of written) {
    const name = option.name.value;
    const spec = Object.hasOwn(declared, name) ? declared[name] : undefined;
    if (spec === undefined) {
      const takes = names.length > 0 ? `it takes ${names.map((n) => `\`${n}\``).join(', ')}` : 'it takes none';
      ctx.bag.add('IAM2119', option.name.span, `\`${pattern.verb} ${pattern.service} ${pattern.resourceType}\` has no option \`${name}\`; ${takes}`, {
        suggestion: didYouMean(name, [...names, ...GRANT_CLAUSES]) ?? `remove it; \`iamc stdlib ${pattern.service}\` lists what each pattern takes, options shown in \`[ ]\``,
      });
      ok = false;
      continue;
    }
    const first = seen.get(name);
    if (first !== undefined) {
      ctx.bag.add('IAM2119', option.name.span, `option \`${name}\` is given twice`, { related: [{ message: 'first given here', span: first.span }] });
      ok = false;
      continue;
    }
    seen.set(name, option.name);
    if (!checkNameCharacters(ctx.bag, option.value, { what: 'option value', unicode: false })) {
      ok = false;
      continue;
    }
    // An option narrows or places the grant (a family, a configuration set, a service): a glob
    // there would widen it past anything the name check sees, so a value is one exact name.
    const problem =
      option.value.value === '' ? 'a value cannot be empty' : /[*?]/.test(option.value.value) ? 'an option names one thing exactly: no `*` or `?`' : spec.check?.(option.value.value);
    if (problem !== undefined) {
      ctx.bag.add('IAM2134', option.value.span, `\`${option.value.value}\` is not a valid ${spec.hint}: ${problem}`);
      ok = false;
      continue;
    }
    if (spec.names === 'service' && !serviceExists(option.value.value)) {
      ctx.bag.add('IAM2134', option.value.span, `\`${option.value.value}\` is not a service in AWS's action catalogue: the condition would never match`, {
        suggestion: didYouMean(option.value.value, services()) ?? 'write the service\'s prefix, e.g. `sqs`, `s3`, `secretsmanager`',
      });
      ok = false;
      continue;
    }
    out[name] = option.value.value;
  }
  return ok ? out : null;
}
