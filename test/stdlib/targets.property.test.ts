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

/** The compute group's ids of a fixed shape and compound names (each part on its own). */
const literal = plainName.map((n) => n.replace(/[*]/g, '') || 'a0');
const compoundName = fc.tuple(literal, plainName).map(([a, b]) => `${a}/${b}`);
const idWithGlob = (id: RegExp) => fc.tuple(fc.stringMatching(id), fc.constantFrom('', '*')).map(([a, b]) => a + b);
const COMPUTE_NAMES: Record<string, fc.Arbitrary<string>> = {
  'acm.read.certificate': fc.uuid(),
  'cloudfront.invalidate.distribution': idWithGlob(/^E[A-Z0-9]{5,13}$/),
  'codeartifact.read.repository': compoundName,
  'ec2.attach.vpc': fc.stringMatching(/^vpc-[a-f0-9]{8,17}$/),
  'ecs.deploy.service': compoundName,
  'elasticache.connect.replication-group': compoundName,
  'elasticache.connect.serverless-cache': compoundName,
  'elasticfilesystem.mount.file-system': idWithGlob(/^fs-[a-f0-9]{8,17}$/),
  'elasticfilesystem.read.file-system': idWithGlob(/^fs-[a-f0-9]{8,17}$/),
  'ecs.write.task-protection': plainName,
  'elasticmapreduce.delete.cluster': idWithGlob(/^j-[A-Z0-9]{5,13}$/),
  'elasticmapreduce.run.steps': idWithGlob(/^j-[A-Z0-9]{5,13}$/),
  'elasticmapreduce.write.cluster': idWithGlob(/^j-[A-Z0-9]{5,13}$/),
  'route53.write.records': idWithGlob(/^Z[A-Z0-9]{5,13}$/),
};

/** The apps group's ids of a fixed shape and compound names. */
const APPS_NAMES: Record<string, fc.Arbitrary<string>> = {
  'appsync.mutate.api': fc.stringMatching(/^[a-z0-9]{26}$/),
  'appsync.query.api': fc.stringMatching(/^[a-z0-9]{26}$/),
  'appsync.subscribe.api': fc.stringMatching(/^[a-z0-9]{26}$/),
  'bedrock.invoke.inference-profile': fc.tuple(fc.constantFrom('us', 'eu', 'apac'), plainName).map(([geo, model]) => `${geo}.${model}`),
  'execute-api.invoke.api': fc
    .tuple(fc.stringMatching(/^[a-z0-9]{10}$/), fc.constantFrom('prod', '*'), fc.constantFrom('GET', 'POST', '*'), objectKey)
    .map(([api, stage, method, path]) => `${api}/${stage}/${method}/${path}`),
  'mobiletargeting.write.endpoints': fc.stringMatching(/^[a-f0-9]{32}$/),
};

function nameFor(patternId: string): fc.Arbitrary<string> {
  if (patternId.endsWith('.objects')) return fc.tuple(plainName, objectKey).map(([b, k]) => `${b.replace(/[*]/g, '')}x/${k}`);
  if (patternId.startsWith('kms.')) return fc.uuid();
  const shaped = COMPUTE_NAMES[patternId] ?? APPS_NAMES[patternId];
  if (shaped) return shaped;
  // Compound names: each part on its own (`DATABASE/TABLE`, `DOMAIN/INDEX`, `DB-RESOURCE-ID/USER`).
  const literal = plainName.map((n) => n.replace(/[*]/g, '') || 'a0');
  if (/^glue\..*\.table$|^es\..*\.(index|path)$/.test(patternId)) return fc.tuple(literal, plainName).map(([a, b]) => `${a}/${b}`);
  if (patternId === 'rds-db.connect.user') return fc.tuple(fc.stringMatching(/^db-[A-Z0-9]{26}$/), literal).map(([a, b]) => `${a}/${b}`);
  // OpenSearch Serverless collections are named by their generated id: lowercase letters and digits.
  if (patternId.startsWith('aoss.')) return fc.tuple(fc.stringMatching(/^[a-z0-9]{3,20}$/), fc.constantFrom('', '*')).map(([a, b]) => a + b);
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
        // A targetless or condition-form pattern builds no resource: its parts are on `*`.
        else if ((p.target.form ?? 'name') === 'name') expect(built.arn.startsWith('arn:aws:')).toBe(true);
        else expect(built.arn).toBe('*');
      }),
      { numRuns: 500 },
    );
  });
});
