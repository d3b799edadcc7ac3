/**
 * What a target written as a name means, as a class glob (name-glob.ts), read from the name and
 * its position's kind alone (docs/language.md, "What a name means"). This is the denotation the
 * proof checks lowering against: it never calls the stdlib's ARN builders, so a builder that lets
 * a wildcard cross a separator is caught rather than repeated.
 */
import type { ArnContext, NameMeaning } from '../../stdlib/pattern.js';
import { pathGlob, segmentGlob } from '../glob/name-glob.js';

export function meaningOfName(meaning: NameMeaning, name: string, ctx: ArnContext): string {
  let path = '';
  let body: string;
  switch (meaning.kind) {
    case 'flat':
      body = name;
      break;
    case 'segment':
      body = segmentGlob(name, '/');
      break;
    case 'segment-colon':
      body = segmentGlob(name, ':');
      break;
    case 'path':
      body = pathGlob(name.startsWith('/') ? name.slice(1) : name);
      break;
    case 'objects': {
      const slash = name.indexOf('/');
      body = slash < 0 ? segmentGlob(name, '/') : `${segmentGlob(name.slice(0, slash), '/')}/${name.slice(slash + 1)}`;
      break;
    }
    case 'secret':
      // Secrets Manager ends every secret's ARN with `-` and six characters of its own.
      body = name.endsWith('*') ? name : `${name}-??????`;
      break;
    case 'role':
      // `*` alone is every role of the account, whatever its path; any other name is one level.
      if (/^\*+$/.test(name)) {
        path = '/';
        body = '*';
      } else {
        path = ctx.rolePath(name);
        body = segmentGlob(name, '/');
      }
      break;
  }
  // Replacement functions, so a `$` in a name is never read as a replacement pattern.
  const values: Record<string, string> = { partition: ctx.partition, region: ctx.region, account: ctx.account, path, name: body };
  return meaning.template.replace(/\{(partition|region|account|path|name)\}/g, (_, key: string) => values[key]!);
}
