/**
 * Prints a diff as text (a review list), Markdown (a pull-request comment) or JSON (structured
 * fields, nothing pre-rendered). All three are laid out from the same change records, in the same
 * order, so they never disagree; every change that may widen access is marked in each.
 */

import { notComparedText, type Change, type DiffValue, type ModelDiff } from './diff.js';
import type { AssignmentModel, Grant, Where } from './model.js';
import { durationText } from './values.js';

const SIGN = { added: '+', removed: '-', widened: '>', narrowed: '<', changed: '~' } as const;

function isGrant(v: DiffValue): v is Grant {
  return typeof v === 'object' && 'effect' in v;
}

function isAssignment(v: DiffValue): v is AssignmentModel {
  return typeof v === 'object' && 'principalId' in v;
}

function conditionText(c: Grant['conditions'][number]): string {
  return `${c.operator} ${c.key} ${c.values.length === 1 ? c.values[0]! : `[${c.values.join(', ')}]`}`;
}

function valueText(c: Change, v: DiffValue): string {
  if (isGrant(v)) {
    const when = v.conditions.length > 0 ? ` when ${v.conditions.map(conditionText).join(' and ')}` : '';
    return `${v.effect.toLowerCase()} ${v.action} ${c.what === 'trust' ? 'by' : 'on'} ${v.target}${when}`;
  }
  if (isAssignment(v)) return `${v.principalType.toLowerCase()} ${v.principalId} in ${v.account}`;
  if (typeof v === 'object') return `${v.kind} ${v.id}`;
  if (typeof v === 'number') return durationText(v);
  if (typeof v === 'boolean') return v ? 'on' : 'off';
  return v;
}

const at = (w: Where) => `${w.file}:${w.line}`;

/** Said of a removed action whose resource keeps its other actions: a narrowing, not a deleted grant. */
const REMAINS = '; the resource keeps its other actions';

const narrowings = (d: ModelDiff): number => d.changes.filter((c) => c.grantRemains).length;

function narrowedNote(n: number): string {
  return `${n} action${n === 1 ? ' was' : 's were'} dropped from resources that keep their other actions: where the grants' words did not change, the standard library narrowed their patterns (docs/stdlib.md's changelog says why)`;
}

/**
 * User text as it may reach a terminal or a pull request: control characters (an escape sequence
 * could rewrite the line a reviewer reads), bidi controls and invisible characters shown as
 * `\u{…}` so what is printed is what is there.
 */
export function visible(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}

function constructLabel(c: Change): string {
  return `${c.kind} ${c.name}${c.account ? ` in ${c.account.name ?? c.account.id}${c.account.name ? ` (${c.account.id})` : ''}` : ''}`;
}

/** Changes grouped per construct, in the order the diff found them. */
function byConstruct(d: ModelDiff): Change[][] {
  const groups = new Map<string, Change[]>();
  for (const c of d.changes) {
    const key = JSON.stringify([c.kind, c.name, c.account?.id ?? '']);
    const list = groups.get(key) ?? [];
    list.push(c);
    groups.set(key, list);
  }
  return [...groups.values()];
}

function summary(d: ModelDiff): string {
  const widening = d.changes.filter((c) => c.widens).length;
  return `${d.changes.length} change${d.changes.length === 1 ? '' : 's'}, ${widening} that may widen access`;
}

export function renderDiffText(d: ModelDiff): string {
  if (d.changes.length === 0) return d.incomplete.length > 0 ? 'no difference in what could be compared\n' : 'no difference in access\n';
  const lines: string[] = [];
  for (const group of byConstruct(d)) {
    const self = group.find((c) => c.what === group[0]!.kind && (c.change === 'added' || c.change === 'removed'));
    const flag = (c: Change) => (c.widens ? '!' : ' ');
    if (self) lines.push(`${flag(self)} ${SIGN[self.change]} ${constructLabel(self)}${self.source ? ` (${self.change === 'removed' ? 'was ' : ''}${at(self.source)})` : ''}`);
    else lines.push(`  ~ ${constructLabel(group[0]!)}`);
    for (const c of group) {
      if (c === self) continue;
      const what = c.what === 'access' ? '' : `${c.what} `;
      const body =
        c.before !== undefined && c.after !== undefined
          ? `${c.change} ${what}${valueText(c, c.before)} -> ${valueText(c, c.after)}`
          : `${what}${valueText(c, (c.after ?? c.before)!)}`;
      // For what is there now the place to look is HEAD; for what went, BASE.
      const where = c.source ? `  (${c.change === 'removed' ? 'was ' : ''}${at(c.source)}${c.grantRemains ? REMAINS : ''})` : '';
      lines.push(`    ${flag(c)} ${SIGN[c.change]} ${body}${where}`);
    }
  }
  lines.push('', `${summary(d)} (marked !)`);
  const narrowed = narrowings(d);
  if (narrowed > 0) lines.push(narrowedNote(narrowed));
  return `${lines.map(visible).join('\n')}\n`;
}

/** Inline code for a Markdown table cell: pipes escaped, line breaks flattened, backticks fenced. */
function code(text: string): string {
  const flat = visible(text).replace(/\|/g, '\\|');
  return flat.includes('`') ? `\`\` ${flat} \`\`` : `\`${flat}\``;
}

export function renderDiffMarkdown(d: ModelDiff): string {
  const lines: string[] = [];
  if (d.changes.length === 0) lines.push(d.incomplete.length > 0 ? '### iamc diff: no difference in what could be compared' : '### iamc diff: no difference in access');
  else {
    lines.push(`### iamc diff: ${summary(d)}`, '', '| | construct | change | before | after | where |', '|---|---|---|---|---|---|');
    for (const c of d.changes) {
      const construct = `${c.kind} ${code(c.name)}${c.account ? ` in ${code(c.account.name ?? c.account.id)}` : ''}`;
      const change = `${c.what === c.kind ? '' : `${c.what} `}${c.change}`;
      const cell = (v: DiffValue | undefined) => (v === undefined ? '' : code(valueText(c, v)));
      const where = c.source ? code(`${c.change === 'removed' ? 'was ' : ''}${at(c.source)}${c.grantRemains ? REMAINS : ''}`) : '';
      lines.push(`| ${c.widens ? '⚠️' : ''} | ${construct} | ${change} | ${cell(c.before)} | ${cell(c.after)} | ${where} |`);
    }
    lines.push('', '⚠️ may widen access: review before merging.');
    const narrowed = narrowings(d);
    if (narrowed > 0) lines.push('', narrowedNote(narrowed));
  }
  if (d.incomplete.length > 0) lines.push('', '**Not compared:**', '', ...d.incomplete.map((i) => `- ${visible(notComparedText(i))}`));
  return `${lines.join('\n')}\n`;
}

export function renderDiffJson(d: ModelDiff): string {
  const where = (w: Where) => ({ file: w.file, line: w.line, ...(w.column !== undefined ? { column: w.column } : {}) });
  const value = (c: Change, v: DiffValue | undefined) => {
    if (v === undefined || !isGrant(v)) return v;
    return {
      effect: v.effect,
      action: v.action,
      [c.what === 'trust' ? 'principal' : 'resource']: v.target,
      conditions: v.conditions.map((x) => ({ operator: x.operator, key: x.key, values: [...x.values] })),
      origins: v.origins.map(where),
    };
  };
  return `${JSON.stringify(
    {
      different: d.changes.length > 0,
      complete: d.incomplete.length === 0,
      changes: d.changes.map((c) => ({
        kind: c.kind,
        name: c.name,
        ...(c.account ? { account: c.account } : {}),
        change: c.change,
        what: c.what,
        widens: c.widens,
        ...(c.before !== undefined ? { before: value(c, c.before) } : {}),
        ...(c.after !== undefined ? { after: value(c, c.after) } : {}),
        ...(c.source ? { source: where(c.source) } : {}),
        ...(c.grantRemains ? { grantRemains: true } : {}),
      })),
      incomplete: d.incomplete,
    },
    null,
    2,
  )}\n`;
}
