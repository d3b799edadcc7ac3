/** Reading compiled output never throws: whatever a manifest or policy file holds, a diagnostic or a model. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modelOfOutput } from '../../compiler/diff/from-output.js';

const RUNS = Number(process.env.IAMC_PROPERTY_RUNS ?? 120) * 2;

/** A manifest-like entry: mostly the fields iamc writes, well formed, with any of them replaced by anything. */
const skeleton = {
  name: 'app',
  account: '123456789012',
  trust: 'iam/trust.json',
  policies: ['iam/policy.json'],
  policy: 'iam/policy.json',
  sessionDuration: 'PT1H',
  archiveRules: ['archive-1'],
};
const entry = fc
  .dictionary(
    fc.constantFrom('name', 'account', 'accountName', 'path', 'trust', 'policies', 'policy', 'boundary', 'sessionDuration', 'assignments', 'targets', 'accounts', 'archiveRules', 'alert', 'type', 'source', 'managedPolicies', 'maxSessionSeconds'),
    fc.jsonValue({ maxDepth: 2 }),
    { maxKeys: 3 },
  )
  .map((noise) => ({ ...skeleton, ...noise }));
const manifest = fc.record(
  {
    version: fc.oneof(fc.constant(1), fc.constant(2), fc.jsonValue({ maxDepth: 1 })),
    roles: fc.array(entry, { maxLength: 2 }),
    permissionSets: fc.array(entry, { maxLength: 2 }),
    scps: fc.array(entry, { maxLength: 2 }),
    boundaries: fc.array(entry, { maxLength: 2 }),
    analyzers: fc.array(entry, { maxLength: 2 }),
    terraform: fc.jsonValue({ maxDepth: 1 }),
    files: fc.jsonValue({ maxDepth: 2 }),
  },
  { requiredKeys: [] },
);
const policy = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.record({ Statement: fc.array(fc.dictionary(fc.constantFrom('Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'Condition', 'Sid'), fc.jsonValue({ maxDepth: 3 })), { maxLength: 3 }) }).map((v) => JSON.stringify(v)),
  fc.record({ Statement: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }) }).map((v) => JSON.stringify(v)),
  fc.string(),
);

describe('modelOfOutput', () => {
  it('never throws on any manifest and any file it names: it returns a model or diagnostics', () => {
    fc.assert(
      fc.property(manifest, policy, fc.string(), (m, file, tf) => {
        const read = (path: string) => (path === 'manifest.json' ? JSON.stringify(m) : path.endsWith('.tf') ? tf : file);
        const { model, diagnostics } = modelOfOutput('out', read);
        expect(model !== undefined || diagnostics.length > 0).toBe(true);
        for (const d of diagnostics) expect(d.code).toMatch(/^IAM003[0-4]$/);
      }),
      { numRuns: RUNS },
    );
  });
});
