import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arnMatchesResourceType, lookupAction } from '../../compiler/catalogue/catalogue.js';
import { PATTERNS } from '../../stdlib/index.js';
import { CTX } from './samples.js';

/** A name every target shape accepts: lowercase letters and digits around `-`, maybe a glob. */
const plainName = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9]{2,10}$/), fc.constantFrom('', '-x1', '-*', '*'))
  .map(([base, tail]) => `${base}${tail}`);
const objectKey = fc.stringMatching(/^[a-z0-9]{1,6}(\/[a-z0-9]{1,6}){0,2}(\/\*|\*)?$/);

function nameFor(patternId: string): fc.Arbitrary<string> {
  if (patternId.endsWith('.objects')) return fc.tuple(plainName, objectKey).map(([b, k]) => `${b.replace(/[*]/g, '')}x/${k}`);
  if (patternId.startsWith('kms.')) return fc.uuid();
  return plainName;
}

describe('targets built from names', () => {
  it.each(PATTERNS.map((p) => [p.id, p] as const))('%s: every built resource fits a type its actions accept', (_id, p) => {
    fc.assert(
      fc.property(nameFor(p.id), (name) => {
        const built = p.target.build(name, CTX);
        if ('error' in built) throw new Error(`${name}: ${built.error}`);
        for (const part of p.parts) {
          for (const arn of part.on(built)) {
            if (arn === '*') continue;
            for (const a of part.actions) {
              const action = lookupAction(a)!;
              expect(action.resourceTypes.some((rt) => arnMatchesResourceType(arn, action.service, rt.name)), `${a} on ${arn}`).toBe(true);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('any string is either an error message or an ARN: build never throws', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PATTERNS), fc.string({ maxLength: 40 }), (p, name) => {
        const built = p.target.build(name, CTX);
        if ('error' in built) expect(built.error.length).toBeGreaterThan(0);
        // Only a pattern whose target is not a name (targetless, a condition value) builds `*`.
        else expect(built.arn.startsWith('arn:aws:') || (built.arn === '*' && (p.target.form ?? 'name') !== 'name')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
