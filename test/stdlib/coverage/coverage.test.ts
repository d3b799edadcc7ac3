/**
 * The stdlib measured against AWS SAM's policy templates and AWS CDK's grant methods: the data is
 * complete and sourced, every template and method has one mapping entry, the comparison classifies
 * what it finds, and the stdlib covers at least 90 % of each (docs/stdlib.md shows the tables).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expandActionGlob, lookupAction } from '../../../compiler/catalogue/catalogue.js';
import {
  cdkData,
  compare,
  compareAll,
  compileGrant,
  coveredShare,
  expressedShare,
  figures,
  mappingFor,
  samData,
  type Comparison,
  type CoverageData,
} from './compare.js';

const TARGET = 0.9;
const DATA = { sam: samData(), cdk: cdkData() };
const COMPARED = { sam: compareAll(DATA.sam), cdk: compareAll(DATA.cdk) };

const json = (file: string) => JSON.parse(readFileSync(fileURLToPath(new URL(file, import.meta.url)), 'utf8'));

function comparison(source: 'sam' | 'cdk', id: string): Comparison {
  const c = COMPARED[source].find((x) => x.id === id);
  if (!c) throw new Error(`no ${source} subject ${id}`);
  return c;
}

describe('the comparison data', () => {
  it('records where the SAM templates come from: repository, file, commit and date', () => {
    const { source, templates } = json('./sam-templates.json');
    expect(source.repository).toBe('https://github.com/aws/serverless-application-model');
    expect(source.path).toBe('samtranslator/policy_templates_data/policy_templates.json');
    expect(source.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(source.date).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(templates.length).toBeGreaterThanOrEqual(81);
  });

  it('records which aws-cdk-lib release the grant methods were read from, and what was left out', () => {
    const { source, methods } = json('./cdk-grants.json');
    expect(source.version).toMatch(/^2\.\d+\.\d+$/);
    expect(source.excluded.length).toBeGreaterThan(0);
    for (const m of methods) {
      expect(m.source, m.id).toMatch(/^packages\/(aws-cdk-lib|@aws-cdk\/aws-[a-z0-9-]+-alpha)\/(aws-[a-z0-9-]+\/)?lib\/([\w-]+\/)*[\w.-]+\.ts$/);
      // A method outside aws-cdk-lib was read from the repository at a recorded commit.
      if (m.source.startsWith('packages/@aws-cdk/')) expect(m.from?.commit, m.id).toMatch(/^[0-9a-f]{40}$/);
    }
  });

  it('names only CDK actions AWS has, or wildcards that reach some (CDK\'s own lists are checked, unlike SAM\'s)', () => {
    const unknown = DATA.cdk.subjects.flatMap((s) =>
      [...s.statements.flatMap((st) => st.actions), ...(s.keyActions ?? [])].filter((a) => (/[*?]/.test(a) ? expandActionGlob(a).length === 0 : lookupAction(a) === undefined)).map((a) => `${s.id}: ${a}`),
    );
    expect(unknown).toEqual([]);
  });

  it('keeps placeholders, never CloudFormation functions, in the SAM resources', () => {
    for (const s of DATA.sam.subjects) {
      for (const st of s.statements) for (const r of st.resources) expect(r, s.id).not.toMatch(/Fn::|"Ref"/);
    }
  });

  it('has no subject without an action', () => {
    for (const d of [DATA.sam, DATA.cdk]) {
      for (const s of d.subjects) expect(s.statements.flatMap((st) => st.actions).length, s.id).toBeGreaterThan(0);
    }
  });
});

describe('the mapping', () => {
  for (const data of [DATA.sam, DATA.cdk] as CoverageData[]) {
    it(`has exactly one entry for each ${data.source.toUpperCase()} subject and none for anything else`, () => {
      const ids = data.subjects.map((s) => s.id);
      const entries = mappingFor(data.source).map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...entries].sort()).toEqual([...ids].sort());
    });

    it(`gives each ${data.source.toUpperCase()} entry grants or a reason for refusing, never both`, () => {
      for (const e of mappingFor(data.source)) {
        const hasGrants = (e.grants?.length ?? 0) > 0;
        const hasReason = (e.refused?.trim().length ?? 0) > 0;
        expect(hasGrants !== hasReason, e.id).toBe(true);
      }
    });
  }
});

describe('the comparison', () => {
  it('reports a grant the compiler rejects with its diagnostic, instead of dropping it', () => {
    const result = compileGrant('scribble nosuchservice thing "x"');
    expect('error' in result && result.error).toMatch(/^IAM\d{4} /);
    const c = compare('sam', DATA.sam.subjects[0]!, { id: DATA.sam.subjects[0]!.id, grants: ['scribble nosuchservice thing "x"'] });
    expect(c.status).toBe('missing');
    expect(c.unknown.map((u) => u.grant)).toEqual(['scribble nosuchservice thing "x"']);
  });

  it('calls an action AWS does not have "not in the catalogue" (SQS batch actions are authorised as their single forms)', () => {
    const c = comparison('sam', 'SQSPollerPolicy');
    expect(c.theirsOnly.filter((d) => d.kind === 'not-in-catalogue').map((d) => d.action)).toEqual(['sqs:ChangeMessageVisibilityBatch', 'sqs:DeleteMessageBatch']);
  });

  it('calls an action granted on a resource it never applies to a dead grant (stream reads on a table ARN)', () => {
    const c = comparison('cdk', 'Table.grantReadData');
    expect(c.theirsOnly.filter((d) => d.kind === 'dead').map((d) => d.action)).toEqual(['dynamodb:GetRecords', 'dynamodb:GetShardIterator']);
  });

  it('traces an action reached only through a wildcard to that wildcard (`kms:ReEncrypt*`)', () => {
    const d = comparison('cdk', 'Key.grantEncrypt').theirsOnly.find((x) => x.action === 'kms:ReEncryptFrom');
    expect(d).toEqual({ action: 'kms:ReEncryptFrom', kind: 'wildcard', why: 'reached only by `kms:ReEncrypt*`' });
  });

  it('calls a `*`-only action granted on `*` broader than the name (SAM lists every parameter)', () => {
    const d = comparison('sam', 'SSMParameterReadPolicy').theirsOnly.find((x) => x.action === 'ssm:DescribeParameters');
    expect(d?.kind).toBe('broader');
  });

  it('is deterministic', () => {
    expect(compareAll(DATA.sam)).toEqual(COMPARED.sam);
    expect(compareAll(DATA.cdk)).toEqual(COMPARED.cdk);
  });
});

/** What stands between the stdlib and the target: each missing subject and the grants that do not compile. */
function shortfall(comparisons: readonly Comparison[]): string {
  return comparisons
    .filter((c) => c.status === 'missing')
    .map((c) => `  ${c.id}: ${c.unknown.length === 0 ? 'no mapping' : c.unknown.map((u) => `${u.grant}  [${u.message}]`).join('; ')}`)
    .join('\n');
}

/** Differences nobody has explained yet, one line per subject. */
function unexplained(comparisons: readonly Comparison[], side: 'theirsOnly' | 'oursOnly'): string[] {
  return comparisons
    .filter((c) => c.status === 'expressed')
    .map((c) => ({ id: c.id, actions: c[side].filter((d) => d.kind === 'unclassified').map((d) => d.action) }))
    .filter((x) => x.actions.length > 0)
    .map((x) => `${x.id}: ${x.actions.join(', ')}`);
}

describe('coverage of the stdlib', () => {
  for (const source of ['sam', 'cdk'] as const) {
    const name = source === 'sam' ? 'SAM policy templates' : 'CDK grant methods';

    it(`expresses at least 90 % of the ${name}, and refuses the rest with a reason`, () => {
      const f = figures(COMPARED[source]);
      const message = `${f.expressed} expressed + ${f.refused} refused of ${f.total}; missing:\n${shortfall(COMPARED[source])}`;
      expect(expressedShare(f) >= TARGET, message).toBe(true);
      expect(coveredShare(f), message).toBe(1);
    });

    it(`classifies or explains every action the ${name} grant and iamc does not`, () => {
      expect(unexplained(COMPARED[source], 'theirsOnly')).toEqual([]);
    });

    it(`says why iamc grants each action the ${name} do not`, () => {
      expect(unexplained(COMPARED[source], 'oursOnly')).toEqual([]);
    });

    it(`keeps no explanation in the ${name} mapping for an action that does not differ`, () => {
      const stale: string[] = [];
      for (const e of mappingFor(source)) {
        const c = COMPARED[source].find((x) => x.id === e.id);
        if (c?.status !== 'expressed') continue;
        const differing = new Set([...c.theirsOnly, ...c.oursOnly].map((d) => d.action));
        for (const action of Object.keys(e.why ?? {})) if (!differing.has(action)) stale.push(`${e.id}: ${action}`);
      }
      expect(stale).toEqual([]);
    });
  }
});
