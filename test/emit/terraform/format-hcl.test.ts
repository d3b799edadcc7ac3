import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHcl } from '../../../compiler/emit/terraform/format-hcl.js';
import { parseHcl } from './hcl-decode.js';

/** What `terraform fmt` leaves (laid out by hand from its rules; terraform is not installable here). */
const FORMATTED = `resource "aws_iam_role" "x" {
  provider = aws.prod

  name                 = "x"
  assume_role_policy   = "{\\"a\\":\\"$\${b}\\"}"
  max_session_duration = 3600
  tags = {
    team = "payments"
    "cost-centre" = "42"
  }
  after = "x"

  filter {
    criteria = "principal.AWS"
    contains = ["1"]
  }
}
`;

describe('formatHcl', () => {
  it('aligns runs of one-line assignments and indents by bracket depth', () => {
    const sloppy = FORMATTED.split('\n')
      .map((line) => line.trim().replace(/\s+=\s+/, ' = '))
      .join('\n');
    const expected = FORMATTED.replace('    team = "payments"', '    team          = "payments"');
    expect(formatHcl(sloppy)).toBe(expected);
  });

  it('is idempotent on its own output', () => {
    expect(formatHcl(formatHcl(FORMATTED))).toBe(formatHcl(FORMATTED));
  });

  it('a line opening a multi-line value takes no part in alignment', () => {
    expect(formatHcl('a {\nlong_name = 1\nv = {\nk = 2\n}\n}\n')).toBe('a {\n  long_name = 1\n  v = {\n    k = 2\n  }\n}\n');
  });

  it('`=` inside strings and interpolations is not an assignment', () => {
    expect(formatHcl('a {\nx = "k=v ${aws_x.y.arn} $${z=1}"\nlonger = 1\n}\n')).toBe('a {\n  x      = "k=v ${aws_x.y.arn} $${z=1}"\n  longer = 1\n}\n');
  });

  /** A generated body: attributes, blank lines and nested blocks. */
  type Item = { kind: 'attr'; key: string } | { kind: 'blank' } | { kind: 'block'; name: string; items: Item[] };
  const key = fc.stringMatching(/^[a-z][a-z_]{0,14}$/);
  const leaf = fc.oneof(
    { weight: 5, arbitrary: key.map((k): Item => ({ kind: 'attr', key: k })) },
    { weight: 2, arbitrary: fc.constant<Item>({ kind: 'blank' }) },
  );
  const item = (depth: number): fc.Arbitrary<Item> =>
    depth <= 1 ? leaf : fc.oneof({ weight: 4, arbitrary: leaf }, { weight: 1, arbitrary: fc.record({ kind: fc.constant('block' as const), name: key, items: fc.array(item(depth - 1), { maxLength: 6 }) }) });

  /** Renders with random indentation and spacing; records each attribute line's run and depth. */
  function render(items: Item[], depth: number, pad: (i: number) => string): string[] {
    return items.flatMap((it, i) => {
      if (it.kind === 'blank') return [''];
      if (it.kind === 'attr') return [`${pad(i)}${it.key}_${i}${pad(i + 1)} =  "v${i}"`];
      return [`${pad(i)}${it.name} {`, ...render(it.items, depth + 1, pad), `${pad(i + 2)}}`];
    });
  }

  it('law: every run of consecutive attributes has its `=` one column after its longest key, at the depth indent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(item(3), { maxLength: 12 }), fc.array(fc.nat(3), { minLength: 1, maxLength: 5 }), async (items, spaces) => {
        const source = `block {\n${render(items, 1, (i) => ' '.repeat(spaces[i % spaces.length]!)).join('\n')}\n}\n`;
        const out = formatHcl(source);
        const lines = out.split('\n');
        let depth = 0;
        let run: string[] = [];
        const checkRun = () => {
          if (run.length === 0) return;
          const width = Math.max(...run.map((l) => l.indexOf(' ', l.search(/\S/))));
          for (const l of run) expect(l.indexOf('=')).toBe(width + 1);
          run = [];
        };
        for (const line of lines) {
          if (line === '') {
            checkRun();
            continue;
          }
          if (line.trim() === '}') depth--;
          expect(line.search(/\S/)).toBe(2 * depth);
          if (line.endsWith('{')) {
            checkRun();
            depth++;
          } else if (line.trim() === '}') checkRun();
          else run.push(line);
        }
        checkRun();
        expect(formatHcl(out)).toBe(out);
        // Formatting never changes meaning.
        expect(await parseHcl('a.tf', out)).toEqual(await parseHcl('b.tf', source));
      }),
      { numRuns: 100 },
    );
  });
});
