/**
 * Plain IAM policy JSON → lint statements with the span of every value. The text must be JSON as
 * AWS reads it (no trailing commas, no comments): anything else is IAM5103 at the place it goes
 * wrong. Once it is JSON, the `yaml` parser (JSON is YAML) gives each node's offsets. Shape problems
 * AWS would reject are IAM5103 too; the statements that are well formed are still read, so one bad
 * statement does not hide findings in the others.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { LineIndex, type Located, type Span } from '../diagnostics/span.js';
import type { LintCondition, LintPrincipal, LintStatement } from './document.js';
import { jsonSyntaxError } from './json-syntax.js';

export interface ReadPolicy {
  readonly statements: LintStatement[];
  readonly diagnostics: Diagnostic[];
}

const STATEMENT_KEYS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];

export function readPolicyJson(path: string, text: string): ReadPolicy {
  const index = new LineIndex(path, text);
  const out: ReadPolicy = { statements: [], diagnostics: [] };
  const bad = (span: Span, message: string, suggestion?: string) =>
    out.diagnostics.push(diagnostic('IAM5103', span, message, suggestion ? { suggestion } : {}));
  const spanOf = (node: Node | null | undefined): Span => {
    const range = node?.range;
    return range ? index.span(range[0], range[1]) : index.span(0, 0);
  };

  const invalid = jsonSyntaxError(text);
  if (invalid !== undefined) {
    const comment = invalid.message === 'JSON has no comments';
    bad(
      index.span(invalid.offset, Math.min(text.length, invalid.offset + 1)),
      `\`${path}\` is not valid JSON: ${invalid.message}`,
      comment ? 'remove the comment; waivers for policy JSON go in a `.iamc-waivers` file beside it' : undefined,
    );
    return out;
  }
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    bad(index.span(first.pos[0], first.pos[1]), `\`${path}\` is not valid JSON: ${first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '').toLowerCase()}`);
    return out;
  }
  const root = doc.contents;
  if (!isMap(root)) {
    bad(spanOf(root), 'a policy document is a JSON object with `Version` and `Statement`');
    return out;
  }
  const statementPair = root.items.find((p) => keyText(p) === 'Statement');
  if (!statementPair) {
    bad(spanOf(root), 'the policy has no `Statement`');
    return out;
  }
  const version = root.items.find((p) => keyText(p) === 'Version');
  const versionText = version ? scalarText(version.value as Node) : undefined;
  if (version && versionText !== '2012-10-17' && versionText !== '2008-10-17') {
    bad(spanOf(version.value as Node), `\`${versionText ?? ''}\` is not a policy language version`, 'use `2012-10-17`');
  }
  const value = statementPair.value as Node | null;
  const items = isSeq(value) ? (value.items as Node[]) : [value];
  for (const item of items) {
    const statement = readStatement(item);
    if (statement) out.statements.push(statement);
  }
  return out;

  function readStatement(node: Node | null): LintStatement | undefined {
    if (!isMap(node)) {
      bad(spanOf(node), 'a statement is a JSON object');
      return undefined;
    }
    const field = (name: string) => node.items.find((p) => keyText(p) === name);
    for (const pair of node.items) {
      const key = keyText(pair);
      if (key !== undefined && !STATEMENT_KEYS.includes(key)) {
        const near = STATEMENT_KEYS.find((k) => k.toLowerCase() === key.toLowerCase());
        bad(spanOf(pair.key as Node), `\`${key}\` is not a statement field`, near ? `did you mean \`${near}\`?` : undefined);
      }
    }
    const effectPair = field('Effect');
    const effect = effectPair ? scalarText(effectPair.value as Node) : undefined;
    if (effect !== 'Allow' && effect !== 'Deny') {
      bad(effectPair ? spanOf(effectPair.value as Node) : spanOf(node), effectPair ? `\`Effect\` must be \`Allow\` or \`Deny\`, not \`${effect ?? ''}\`` : 'the statement has no `Effect`');
      return undefined;
    }
    const list = (name: string) => {
      const pair = field(name);
      return pair ? strings(pair.value as Node, name) : undefined;
    };
    const sid = field('Sid') ? scalarText(field('Sid')!.value as Node) : undefined;
    const statement: LintStatement = {
      effect: { value: effect, span: spanOf(effectPair!.value as Node) },
      ...(sid !== undefined ? { sid } : {}),
      ...optional('principal', readPrincipal(field('Principal') ?? field('NotPrincipal'))),
      ...optional('actions', list('Action')),
      ...optional('notActions', list('NotAction')),
      ...optional('resources', list('Resource')),
      ...optional('notResources', list('NotResource')),
      conditions: readConditions(field('Condition')),
      span: spanOf(node),
    };
    if (!statement.actions && !statement.notActions) bad(spanOf(node), 'the statement has no `Action` or `NotAction`');
    return statement;
  }

  function strings(node: Node | null, name: string): Located<string>[] {
    const nodes = isSeq(node) ? (node.items as Node[]) : [node];
    const values: Located<string>[] = [];
    for (const n of nodes) {
      const text = scalarText(n);
      if (text === undefined) bad(spanOf(n), `\`${name}\` holds strings`);
      else values.push({ value: text, span: spanOf(n) });
    }
    return values;
  }

  function readPrincipal(pair: Pair | undefined): LintPrincipal | undefined {
    if (!pair) return undefined;
    const node = pair.value as Node | null;
    if (scalarText(node) === '*') return { everyone: spanOf(node), aws: [], service: [], federated: [], span: spanOf(node) };
    if (!isMap(node)) {
      bad(spanOf(node), '`Principal` is `"*"` or an object with `AWS`, `Service` or `Federated`');
      return undefined;
    }
    const of = (name: string) => {
      const p = node.items.find((i) => keyText(i) === name);
      return p ? strings(p.value as Node, name) : [];
    };
    const aws = of('AWS');
    return {
      ...(aws.some((a) => a.value === '*') ? { everyone: aws.find((a) => a.value === '*')!.span } : {}),
      aws: aws.filter((a) => a.value !== '*'),
      service: of('Service'),
      federated: of('Federated'),
      span: spanOf(node),
    };
  }

  function readConditions(pair: Pair | undefined): LintCondition[] {
    if (!pair) return [];
    const node = pair.value as Node | null;
    if (!isMap(node)) {
      bad(spanOf(node), '`Condition` is an object of operators');
      return [];
    }
    const out: LintCondition[] = [];
    for (const op of node.items) {
      const operator = keyText(op);
      const block = op.value as Node | null;
      if (operator === undefined || !isMap(block)) {
        bad(spanOf(block), 'each condition operator holds an object of keys');
        continue;
      }
      for (const entry of block.items) {
        const key = keyText(entry);
        if (key === undefined) continue;
        out.push({
          operator: { value: operator, span: spanOf(op.key as Node) },
          key: { value: key, span: spanOf(entry.key as Node) },
          values: strings(entry.value as Node, key),
        });
      }
    }
    return out;
  }
}

/**
 * The byte range of the value an RFC 6901 JSON pointer (`/Statement/0/Resource`) names in a
 * policy's text, or undefined when it names nothing (or the text is not JSON).
 */
export function jsonPointerRange(text: string, pointer: string): { from: number; to: number } | undefined {
  if (jsonSyntaxError(text) !== undefined) return undefined;
  if (pointer !== '' && !pointer.startsWith('/')) return undefined;
  const doc = parseDocument(text, { prettyErrors: false });
  let node = doc.contents as Node | null;
  const steps = pointer === '' ? [] : pointer.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  for (const step of steps) {
    if (isMap(node)) node = (node.items.find((p) => keyText(p) === step)?.value as Node | undefined) ?? null;
    else if (isSeq(node) && /^(0|[1-9]\d*)$/.test(step)) node = (node.items[Number(step)] as Node | undefined) ?? null;
    else return undefined;
    if (node === null) return undefined;
  }
  return node?.range ? { from: node.range[0], to: node.range[1] } : undefined;
}

function keyText(pair: Pair): string | undefined {
  return scalarText(pair.key as Node);
}

/** A scalar as IAM reads it: booleans and numbers are compared as their text. */
function scalarText(node: Node | null | undefined): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
