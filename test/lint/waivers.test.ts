import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnostic, type Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import { LineIndex } from '../../compiler/diagnostics/span.js';
import { lintPolicyFile } from '../../compiler/lint/lint-policy-file.js';
import { applyWaivers } from '../../compiler/lint/waivers.js';

const at = (file: string, text: string, line: number, code: 'IAM5104' | 'IAM5106' | 'IAM5123' = 'IAM5106'): Diagnostic => {
  const index = new LineIndex(file, text);
  const start = text.split('\n').slice(0, line - 1).join('\n').length + (line > 1 ? 1 : 0);
  return diagnostic(code, index.span(start, start + 1), 'finding');
};
const summary = (ds: readonly Diagnostic[]) => ds.map((d) => `${d.code} ${d.span.line}`);

describe('applyWaivers', () => {
  it('waives a finding from a trailing comment on its line', () => {
    const text = 'a\nb # iamc-allow IAM5106: reads every queue name to build the dashboard\nc\n';
    expect(summary(applyWaivers([at('f.iam', text, 2)], [{ path: 'f.iam', text }]))).toEqual([]);
  });

  it('waives a finding from a comment on the line above, and waivers stack', () => {
    const text = '# iamc-allow IAM5106: reason one\n# iamc-allow IAM5104: reason two\nx\n';
    const ds = [at('f.iam', text, 3, 'IAM5106'), at('f.iam', text, 3, 'IAM5104')];
    expect(summary(applyWaivers(ds, [{ path: 'f.iam', text }]))).toEqual([]);
  });

  it('waives several codes named in one waiver', () => {
    const text = '# iamc-allow IAM5106, IAM5123: legacy reader, removed next quarter\nx\n';
    expect(summary(applyWaivers([at('f.iam', text, 2, 'IAM5106'), at('f.iam', text, 2, 'IAM5123')], [{ path: 'f.iam', text }]))).toEqual([]);
  });

  it('does not waive other codes, other lines or other files', () => {
    const text = '# iamc-allow IAM5106: reason\nx\ny\n';
    const kept = [at('f.iam', text, 2, 'IAM5104'), at('f.iam', text, 3), at('g.iam', text, 2)];
    const out = applyWaivers(kept, [{ path: 'f.iam', text }]);
    expect(summary(out.filter((d) => d.code !== 'IAM5102'))).toEqual(['IAM5104 2', 'IAM5106 3', 'IAM5106 2']);
    expect(summary(out.filter((d) => d.code === 'IAM5102'))).toEqual(['IAM5102 1']);
  });

  it('a trailing waiver does not reach the next line', () => {
    const text = 'a # iamc-allow IAM5106: reason\nb\n';
    expect(summary(applyWaivers([at('f.iam', text, 2)], [{ path: 'f.iam', text }]))).toEqual(['IAM5102 1', 'IAM5106 2']);
  });

  it('a waiver without a reason is IAM5101 and waives nothing', () => {
    for (const text of ['# iamc-allow IAM5106\nx\n', '# iamc-allow IAM5106:   \nx\n', '# iamc-allow because I said so\nx\n']) {
      const out = applyWaivers([at('f.iam', text, 2)], [{ path: 'f.iam', text }]);
      expect(summary(out), text).toEqual(['IAM5101 1', 'IAM5106 2']);
      expect(out[0]!.span.column).toBe(1);
    }
  });

  it('a waiver that waives nothing is IAM5102, and so is one naming a code that is not a lint rule', () => {
    const text = '# iamc-allow IAM5106: reason\nx\n# iamc-allow IAM2104: reason\ny\n';
    const out = applyWaivers([at('f.iam', text, 4)], [{ path: 'f.iam', text }]);
    expect(summary(out)).toEqual(['IAM5102 1', 'IAM5102 3', 'IAM5106 4']);
    expect(out[1]!.message).toContain('`IAM2104`');
  });

  it('refuses a `#` comment in policy JSON: AWS would reject the file, and a comment is no waiver channel', () => {
    const text = ['{', '  "Statement": [{', '    "Effect": "Allow",', '    "Action": "sqs:ReceiveMessage",', '    # iamc-allow IAM5106: the queue is created per tenant at run time', '    "Resource": "*"', '  }]', '}'].join('\n');
    const findings = lintPolicyFile('p.json', text);
    expect(findings.map((d) => `${d.code} ${d.span.line}:${d.span.column}`)).toEqual(['IAM5103 5:5']);
    expect(findings[0]!.suggestion).toContain('.iamc-waivers');
  });

  it('never reads a waiver from inside a string: a role description cannot hide a finding', () => {
    const iam = 'role r for ec2 in prod {\n  description "x # iamc-allow IAM5106: hidden"\n  allow "sqs:ReceiveMessage" on "*"\n}\n';
    expect(summary(applyWaivers([at('r.iam', iam, 2)], [{ path: 'r.iam', text: iam }]))).toEqual(['IAM5106 2']);
    const yaml = 'roles:\n  r:\n    description: "x # iamc-allow IAM5106: hidden"\n    grants: []\n';
    expect(summary(applyWaivers([at('r.iam.yaml', yaml, 3)], [{ path: 'r.iam.yaml', text: yaml }]))).toEqual(['IAM5106 3']);
    const block = 'roles:\n  r:\n    description: |\n      # iamc-allow IAM5106: hidden in a block scalar\n      x\n';
    expect(summary(applyWaivers([at('r.iam.yaml', block, 5)], [{ path: 'r.iam.yaml', text: block }]))).toEqual(['IAM5106 5']);
    // The same waiver as a comment does waive.
    const real = 'roles:\n  r:\n    # iamc-allow IAM5106: a real comment\n    description: "x"\n';
    expect(summary(applyWaivers([at('r.iam.yaml', real, 4)], [{ path: 'r.iam.yaml', text: real }]))).toEqual([]);
    expect(applyWaivers([], [{ path: 'x.iam', text: 'description "a#iamc-allow IAM5106"\n' }])).toEqual([]);
  });

  // Law: text inside a string never waives, whatever it holds and wherever the waiver sits in it.
  it('property: a waiver written inside a string value waives nothing, in `.iam` and in YAML', () => {
    const injected = fc.tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 })).map(([a, b]) => `${a} # iamc-allow IAM5106: hidden ${b}`);
    fc.assert(
      fc.property(injected, (text) => {
        const quoted = JSON.stringify(text).replace(/\n|\r/g, ' ');
        const iam = `role r for ec2 in prod {\n  description ${quoted}\n}\n`;
        expect(summary(applyWaivers([at('r.iam', iam, 2)], [{ path: 'r.iam', text: iam }]))).toEqual(['IAM5106 2']);
        const yaml = `roles:\n  r:\n    description: ${quoted}\n`;
        expect(summary(applyWaivers([at('r.iam.yaml', yaml, 3)], [{ path: 'r.iam.yaml', text: yaml }]))).toEqual(['IAM5106 3']);
      }),
      { numRuns: 200 },
    );
  });

  it('ignores a `#` glued to a word: it is no comment a reviewer sees', () => {
    const text = 'a\nb#iamc-allow IAM5106: glued\n';
    expect(summary(applyWaivers([at('f.iam', text, 2)], [{ path: 'f.iam', text }]))).toEqual(['IAM5106 2']);
  });

  describe('.iamc-waivers beside policy JSON', () => {
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sqs:ReceiveMessage', Resource: '*' }] }, null, 2);
    const run = (waivers: string, findings = lintPolicyFile('pol/p.json', policy)) =>
      applyWaivers(findings, [{ path: 'pol/p.json', text: policy }, { path: 'pol/.iamc-waivers', text: waivers }]).map((d) => `${d.code} ${d.span.file}:${d.span.line}`).sort();

    it('waives the finding at the JSON path it names, and only that code', () => {
      expect(run('# file code path: reason\np.json IAM5106 /Statement/0/Resource: queues are created per tenant at run time\n')).toEqual([]);
      expect(run('p.json IAM5106 /Statement/0: the whole statement\n')).toEqual([]);
      expect(run('p.json IAM5104 /Statement/0/Resource: wrong code\n')).toEqual(['IAM5102 pol/.iamc-waivers:1', 'IAM5106 pol/p.json:7']);
      expect(run('p.json IAM5106 /Statement/0/Action: wrong value\n')).toEqual(['IAM5102 pol/.iamc-waivers:1', 'IAM5106 pol/p.json:7']);
    });

    it('a waiver line without a reason is IAM5101 and waives nothing', () => {
      expect(run('p.json IAM5106 /Statement/0/Resource\n')).toEqual(['IAM5101 pol/.iamc-waivers:1', 'IAM5106 pol/p.json:7']);
      expect(run('p.json IAM5106 /Statement/0/Resource:   \n')).toEqual(['IAM5101 pol/.iamc-waivers:1', 'IAM5106 pol/p.json:7']);
      expect(run('p.json IAM5106\n')).toEqual(['IAM5101 pol/.iamc-waivers:1', 'IAM5106 pol/p.json:7']);
    });

    it('a path that names no value is IAM5102; a file not being checked is not in play', () => {
      expect(run('p.json IAM5106 /Statement/7/Resource: gone\n')).toEqual(['IAM5102 pol/.iamc-waivers:1', 'IAM5106 pol/p.json:7']);
      expect(run('other.json IAM5106 /Statement/0/Resource: not checked today\n')).toEqual(['IAM5106 pol/p.json:7']);
    });
  });

  it('does not call valid waivers stale when an unrelated error stopped the lint rules', () => {
    const text = '# iamc-allow IAM5106: reads every queue name\nx\n';
    expect(summary(applyWaivers([], [{ path: 'f.iam', text }], { linted: () => false }))).toEqual([]);
    // When the rules did run, the same waiver is stale.
    expect(summary(applyWaivers([], [{ path: 'f.iam', text }]))).toEqual(['IAM5102 1']);
    // A waiver without a reason is reported either way.
    expect(summary(applyWaivers([], [{ path: 'f.iam', text: '# iamc-allow IAM5106\nx\n' }], { linted: () => false }))).toEqual(['IAM5101 1']);
  });

  // Law: a finding survives exactly when no reasoned waiver for its code sits on its line (trailing)
  // or on the line above it (own line). Checked against this one-line statement of the rule.
  it('property: kept ⇔ no reasoned waiver for the code on its line or the line above', () => {
    const codes = ['IAM5104', 'IAM5106', 'IAM5123'] as const;
    const lineArb = fc.record({
      waiver: fc.option(fc.record({ code: fc.constantFrom(...codes), reason: fc.boolean(), trailing: fc.boolean() })),
      finding: fc.option(fc.constantFrom(...codes)),
    });
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 12 }), (lines) => {
        const textLines = lines.map((l) => {
          if (!l.waiver) return 'code';
          const comment = `# iamc-allow ${l.waiver.code}${l.waiver.reason ? ': why' : ''}`;
          return l.waiver.trailing ? `code ${comment}` : comment;
        });
        const text = `${textLines.join('\n')}\n`;
        // Findings sit on code, never on a line that is only a comment.
        const findings = lines.flatMap((l, i) => (l.finding && !(l.waiver && !l.waiver.trailing) ? [at('f.iam', text, i + 1, l.finding)] : []));
        const kept = applyWaivers(findings, [{ path: 'f.iam', text }]).filter((d) => d.code !== 'IAM5101' && d.code !== 'IAM5102');
        const expected = findings.filter((d) => {
          const i = d.span.line - 1;
          const own = lines[i]!.waiver;
          if (own?.trailing && own.reason && own.code === d.code) return false;
          // Stacked own-line waivers above reach the first line that is not only a comment.
          for (let j = i - 1; j >= 0 && lines[j]!.waiver && !lines[j]!.waiver!.trailing; j--) {
            if (lines[j]!.waiver!.reason && lines[j]!.waiver!.code === d.code) return false;
          }
          return true;
        });
        expect(summary(kept).sort()).toEqual(summary(expected).sort());
      }),
      { numRuns: 300 },
    );
  });
});
