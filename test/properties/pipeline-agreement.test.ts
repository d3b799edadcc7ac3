/**
 * The laws run on the phases one by one (so a broken lowering is still evaluated); this checks
 * that, for intents that compile, those phases write exactly what `compileSources` writes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileSources } from '../../compiler/pipeline.js';
import { compileYaml } from './support/compile-yaml.js';
import { roleArb, toYaml } from './support/intent-gen.js';

const RUNS = Number(process.env.IAMC_PROPERTY_RUNS ?? 120);

describe('test harness', () => {
  it('phased compile emits the IAM files compileSources emits', () => {
    fc.assert(
      fc.property(roleArb, (role) => {
        const text = toYaml(role);
        const phased = compileYaml(text);
        const piped = compileSources([{ path: 'intent.iam.yaml', text }]);
        // Lint rules may refuse a generated intent (e.g. PassRole on a role assumable without MFA);
        // the laws are about what lowering emits, so such intents are only compared when written.
        const errors = piped.diagnostics.filter((d) => d.severity === 'error');
        expect(errors.filter((d) => !d.code.startsWith('IAM5')), text).toEqual([]);
        if (errors.length > 0) return;
        const iam = (files: Map<string, string> | undefined) => [...(files ?? new Map<string, string>()).entries()].filter(([k]) => k.startsWith('iam/')).sort();
        expect(iam(phased.files)).toEqual(iam(piped.files));
      }),
      { numRuns: RUNS },
    );
  });
});
