/**
 * Provider aliases are a function of the account's name alone and one-to-one: accounts whose
 * names differ only in punctuation (`prod.eu`, `prod_eu`) never share an alias, and adding an
 * account never renumbers another's (which would move resources between accounts on apply).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { providerAlias } from '../../../compiler/emit/terraform/view-model.js';
import { compileText } from '../../helpers/compile.js';

// The escape's own letters and digits are in the mix, so a lost escape shows as a collision.
const NAME_CHARS = fc.constantFrom(...'aAzZ09-_.+=,@éxud2e'.split(''));
const nameArb = fc.array(NAME_CHARS, { minLength: 1, maxLength: 8 }).map((cs) => cs.join(''));

function versionsOf(accounts: Record<string, string>): string {
  const lines = Object.entries(accounts).map(([name, id]) => `account "${name}" = ${id}`);
  const roles = Object.keys(accounts).map((name, i) => `role r${i} for ec2 in "${name}" {\n  read s3 bucket "reports"\n}`);
  const result = compileText({ 'org.iam': [...lines, 'region eu-west-1', ...roles, ''].join('\n') });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.files!.get('terraform/versions.tf')!;
}

describe('provider aliases', () => {
  it('never collide for names that differ only in punctuation (`prod.eu` vs `prod_eu`)', () => {
    expect(providerAlias('prod.eu')).toBe('prod_x2eeu');
    expect(providerAlias('prod_eu')).toBe('prod__eu');
    expect(versionsOf({ 'prod.eu': '123456789012', prod_eu: '210987654321' })).toContain('configuration_aliases = [aws.prod__eu, aws.prod_x2eeu]');
  });

  it('keep plain names as they are', () => {
    expect(providerAlias('prod')).toBe('prod');
    expect(providerAlias('account-b')).toBe('account-b');
  });

  it('do not renumber when another account is added', () => {
    const before = versionsOf({ prod_eu: '123456789012' });
    const after = versionsOf({ 'prod.eu': '210987654321', prod_eu: '123456789012' });
    expect(before).toContain('aws.prod__eu');
    expect(after).toContain('aws.prod__eu');
  });

  it('are one-to-one (they read back to the name) and valid Terraform identifiers', () => {
    fc.assert(
      fc.property(nameArb, (name) => {
        const alias = providerAlias(name);
        expect(alias).toMatch(/^[A-Za-z_][A-Za-z0-9_-]*$/);
        expect(decodeAlias(alias), alias).toBe(name);
      }),
      { numRuns: 2000 },
    );
  });
});

/** The inverse, written from the documented escape; a name it cannot recover shows a collision. */
function decodeAlias(alias: string): string | undefined {
  let i = alias.startsWith('_d') ? 2 : 0;
  let out = '';
  while (i < alias.length) {
    const ch = alias[i]!;
    if (ch !== '_') {
      out += ch;
      i++;
    } else if (alias[i + 1] === '_') {
      out += '_';
      i += 2;
    } else if (alias[i + 1] === 'x') {
      out += String.fromCodePoint(parseInt(alias.slice(i + 2, i + 4), 16));
      i += 4;
    } else if (alias[i + 1] === 'u') {
      out += String.fromCodePoint(parseInt(alias.slice(i + 2, i + 8), 16));
      i += 8;
    } else return undefined;
  }
  return out;
}
