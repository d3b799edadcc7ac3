/**
 * Reads `yaml` nodes into located values, reporting every shape mistake. What keys a mapping may
 * have comes from `shape.ts`; this file only knows how YAML nodes look. Nothing here throws on
 * user input: a wrong node yields a diagnostic and `undefined`.
 */
import { isMap, isPair, isScalar, isSeq, type Pair, type YAMLMap } from 'yaml';
import type { Code } from '../../diagnostics/codes.js';
import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import { didYouMean } from '../../diagnostics/did-you-mean.js';
import { joinSpans, type LineIndex, type Located, type Span } from '../../diagnostics/span.js';
import type { Word } from '../ast.js';
import { MAPPINGS, UNIONS, type MappingName, type UnionName } from './shape.js';
import { OPTION_WORDS } from '../../../grammar/pattern-forms.js';

/** Keys a grant mapping takes besides its pattern and options. */
const GRANT_CLAUSE_KEYS: readonly string[] = ['to', 'when', 'because'];

/** One key of a mapping, with its value node (`null` when the value is empty). */
export interface Entry {
  readonly key: string;
  readonly keySpan: Span;
  readonly value: unknown;
  /** From the key to the end of the value. */
  readonly span: Span;
}

export interface MappingView {
  readonly span: Span;
  /** Known keys, first occurrence, in document order. */
  readonly entries: readonly Entry[];
  /** For mappings with a grant key: the key chosen as `VERB SERVICE RESOURCE-TYPE`. */
  readonly grantEntry?: Entry;
  /** For mappings that take option keys: the other one-word keys, in document order. */
  readonly optionEntries?: readonly Entry[];
}

/** Where a value sits, for messages: `what` names it (`role \`x\``), `at` is where to point when it is missing. */
export interface Place {
  readonly what: string;
  readonly at: Span;
}

interface RangedNode {
  range?: readonly [number, number, number] | null;
}

export class NodeReader {
  constructor(
    private readonly index: LineIndex,
    private readonly bag: DiagnosticBag,
  ) {}

  /** The node's own text (without trailing comments or line breaks), or `fallback`. */
  span(node: unknown, fallback: Span): Span {
    const range = node !== null && typeof node === 'object' ? (node as RangedNode).range : undefined;
    return range ? this.index.span(range[0], this.end(node, range[1])) : fallback;
  }

  /**
   * A block collection's range runs on over the line break and comments after its last item;
   * its span ends where the last item does. Flow collections end at their closing bracket.
   */
  private end(node: unknown, rangeEnd: number): number {
    if ((isMap(node) || isSeq(node)) && !node.flow) {
      const last: unknown = node.items[node.items.length - 1];
      if (last === undefined) return rangeEnd;
      const tail = isPair(last) ? (last.value ?? last.key) : last;
      const range = tail !== null && typeof tail === 'object' ? (tail as RangedNode).range : undefined;
      return range ? Math.min(rangeEnd, this.end(tail, range[1])) : rangeEnd;
    }
    return rangeEnd;
  }

  /** The span of a range of offsets in this file. */
  spanAt(offset: number, endOffset: number): Span {
    return this.index.span(offset, endOffset);
  }

  /** The file's text between two offsets. */
  text(offset: number, endOffset: number): string {
    return this.index.text.slice(offset, endOffset);
  }

  report(code: Code, span: Span, message: string, suggestion?: string): void {
    this.bag.add(code, span, message, suggestion ? { suggestion } : {});
  }

  get(view: MappingView, key: string): Entry | undefined {
    return view.entries.find((e) => e.key === key);
  }

  /** Reads a mapping of the given shape: duplicates, unknown keys, required keys, one-of groups. */
  mapping(node: unknown, shapeName: MappingName, place: Place): MappingView | undefined {
    if (!isMap(node)) {
      this.wrongType(node, `${place.what} must be a mapping`, place.at);
      return undefined;
    }
    const shape = MAPPINGS[shapeName];
    const span = this.span(node, place.at);
    const known = Object.keys(shape.keys);
    const entries: Entry[] = [];
    const candidates: Entry[] = [];
    let unknownKinds = false;
    for (const entry of this.entries(node, span)) {
      if (Object.hasOwn(shape.keys, entry.key)) entries.push(entry);
      else if (shape.grantKey) candidates.push(entry);
      else {
        this.unknownKey(entry, place, known, shape.keysAreKinds);
        unknownKinds ||= shape.keysAreKinds !== undefined;
      }
    }
    let grantEntry: Entry | undefined;
    const optionEntries: Entry[] = [];
    if (shape.grantKey) {
      // A key with spaces is the grant; a lone word is a malformed grant only when no key has spaces.
      grantEntry = candidates.find((c) => /\s/.test(c.key)) ?? candidates[0];
      for (const c of candidates) {
        if (c === grantEntry) continue;
        // A one-word key is a pattern option (resolve checks it), unless it is a misspelt key of the grant's own.
        if (shape.optionKeys && !/\s/.test(c.key) && didYouMean(c.key, known) === undefined) {
          optionEntries.push(c);
          continue;
        }
        if (/\s/.test(c.key)) {
          this.bag.add('IAM1106', c.keySpan, `one list item holds one grant; \`${c.key}\` starts another`, {
            suggestion: 'start it with its own `- `',
            related: grantEntry ? [{ message: 'this item\'s grant', span: grantEntry.keySpan }] : [],
          });
        } else {
          this.unknownKey(c, place, known, undefined);
        }
      }
      if (!grantEntry) this.bag.add('IAM1105', span, `${place.what} is missing its \`VERB SERVICE RESOURCE-TYPE\` key`);
    }
    for (const [key, spec] of Object.entries(shape.keys)) {
      if (spec.required && !entries.some((e) => e.key === key)) {
        this.bag.add('IAM1105', place.at, `${place.what} is missing \`${key}\``);
      }
    }
    if (shape.exactlyOne) {
      const present = entries.filter((e) => shape.exactlyOne!.includes(e.key));
      const choices = shape.exactlyOne.map((k) => `\`${k}\``).join(', ');
      // A misspelt kind was already reported as such; saying the kind is missing too would be noise.
      if (present.length === 0 && !unknownKinds) {
        this.bag.add('IAM1105', place.at, `${place.what} needs one of ${choices}`);
      }
      for (const extra of present.slice(1)) {
        this.bag.add('IAM1103', extra.keySpan, `\`${extra.key}\` cannot be given together with \`${present[0]!.key}\`; ${place.what} takes one of ${choices}`, {
          related: [{ message: 'given here', span: present[0]!.keySpan }],
        });
      }
    }
    if (shape.atLeastOne && !unknownKinds && !entries.some((e) => shape.atLeastOne!.includes(e.key))) {
      this.bag.add('IAM1105', place.at, `${place.what} needs one of ${shape.atLeastOne.map((k) => `\`${k}\``).join(', ')}, or several`);
    }
    return { span, entries, ...(grantEntry ? { grantEntry } : {}), ...(shape.optionKeys ? { optionEntries } : {}) };
  }

  /** Picks the variant of a union by its keys, then reads the mapping as that variant. */
  union(node: unknown, unionName: UnionName, place: Place): { shape: MappingName; view: MappingView } | undefined {
    const union = UNIONS[unionName];
    if (!isMap(node)) {
      this.wrongType(node, `${place.what} must be a mapping`, place.at);
      return undefined;
    }
    const keys = new Set(node.items.map((p) => scalarKey(p)).filter((k): k is string => k !== undefined));
    const variant = union.variants.find((v) => v.key === undefined || (keys.has(v.key) && !(v.unless !== undefined && keys.has(v.unless))));
    if (!variant) {
      const first = node.items[0];
      const firstKey = first ? scalarKey(first) : undefined;
      const kinds = [...new Set(union.variants.map((v) => v.key).filter((k): k is string => k !== undefined))];
      if (first === undefined || firstKey === undefined) {
        this.bag.add('IAM1105', this.span(node, place.at), `${place.what} needs one of ${kinds.map((k) => `\`${k}\``).join(', ')}`);
      } else {
        const suggestion = didYouMean(firstKey, kinds);
        this.bag.add('IAM1107', this.span(first.key, place.at), `\`${firstKey}\` is not ${article(union.noun)}`, {
          detail: `expected one of ${kinds.map((k) => `\`${k}\``).join(', ')}`,
          ...(suggestion ? { suggestion } : {}),
        });
      }
      return undefined;
    }
    const view = this.mapping(node, variant.shape, place);
    return view ? { shape: variant.shape, view } : undefined;
  }

  /** A mapping whose keys are names the user chose (`roles:`, `accounts:`, `tag:`). */
  names(node: unknown, place: Place): { name: Word; value: unknown; span: Span }[] {
    if (!isMap(node)) {
      this.wrongType(node, `${place.what} must be a mapping of names`, place.at);
      return [];
    }
    return this.entries(node, this.span(node, place.at)).map((e) => ({ name: { value: e.key, span: e.keySpan }, value: e.value, span: e.span }));
  }

  /** A string or a number; a number keeps its text as written. */
  word(node: unknown, place: Place): Word | undefined {
    if (isScalar(node)) {
      const span = this.span(node, place.at);
      if (typeof node.value === 'string') return { value: node.value, span };
      if (typeof node.value === 'number' || typeof node.value === 'bigint') return { value: node.source ?? String(node.value), span };
    }
    this.wrongType(node, `${place.what} must be a string`, place.at);
    return undefined;
  }

  /** One word or a list of words; `list` says which was written. */
  words(node: unknown, place: Place, nonEmpty = false): { words: Word[]; list: boolean } | undefined {
    if (isSeq(node)) {
      if (nonEmpty && node.items.length === 0) {
        this.bag.add('IAM1103', this.span(node, place.at), `${place.what} must not be an empty list`);
        return undefined;
      }
      const words: Word[] = [];
      let ok = true;
      for (const item of node.items) {
        const w = this.word(item, { what: `each item of ${place.what}`, at: this.span(node, place.at) });
        if (w) words.push(w);
        else ok = false;
      }
      return ok ? { words, list: true } : undefined;
    }
    if (isScalar(node) && node.value !== null && typeof node.value !== 'boolean') {
      const w = this.word(node, place);
      return w ? { words: [w], list: false } : undefined;
    }
    this.wrongType(node, `${place.what} must be a string or a list of strings`, place.at);
    return undefined;
  }

  /** `true` gives the span of the entry, `false` gives `undefined`; anything else is reported. */
  flag(entry: Entry, place: Place): Span | undefined {
    if (isScalar(entry.value) && typeof entry.value.value === 'boolean') return entry.value.value ? entry.span : undefined;
    this.wrongType(entry.value, `${place.what} must be \`true\` or \`false\``, entry.keySpan);
    return undefined;
  }

  /** One word from a closed set; a near miss gets a did-you-mean. */
  choice<T extends string>(node: unknown, values: readonly T[], noun: string, place: Place): Located<T> | undefined {
    const w = this.word(node, place);
    if (!w) return undefined;
    if ((values as readonly string[]).includes(w.value)) return w as Located<T>;
    const suggestion = didYouMean(w.value, values);
    this.bag.add('IAM1107', w.span, `\`${w.value}\` is not ${article(noun)}`, {
      detail: `expected one of ${values.map((v) => `\`${v}\``).join(', ')}`,
      ...(suggestion ? { suggestion } : {}),
    });
    return undefined;
  }

  /** A list, or (with `single`) one item standing alone. */
  list<T>(node: unknown, place: Place, single: boolean, item: (node: unknown, at: Span) => T | undefined): T[] {
    const items = isSeq(node) ? node.items : single && node !== null && !(isScalar(node) && node.value === null) ? [node] : undefined;
    if (!items) {
      this.wrongType(node, `${place.what} must be a list`, place.at);
      return [];
    }
    const out: T[] = [];
    for (const n of items) {
      const v = item(n, this.span(n, place.at));
      if (v !== undefined) out.push(v);
    }
    return out;
  }

  /** Keys in order; duplicates are reported with both places and dropped. */
  private entries(map: YAMLMap, mapSpan: Span): Entry[] {
    const seen = new Map<string, Entry>();
    const out: Entry[] = [];
    for (const pair of map.items) {
      const key = scalarKey(pair);
      const keySpan = this.span(pair.key, mapSpan);
      if (key === undefined) {
        this.wrongType(pair.key, 'a key must be a plain string', keySpan);
        continue;
      }
      const valueSpan = pair.value === null || pair.value === undefined ? keySpan : this.span(pair.value, keySpan);
      const entry: Entry = { key, keySpan, value: pair.value ?? null, span: joinSpans(keySpan, valueSpan) };
      const first = seen.get(key);
      if (first) {
        this.bag.add('IAM1102', keySpan, `duplicate key \`${key}\``, { related: [{ message: 'first given here', span: first.keySpan }] });
        continue;
      }
      seen.set(key, entry);
      out.push(entry);
    }
    return out;
  }

  private unknownKey(entry: Entry, place: Place, known: readonly string[], kinds: string | undefined): void {
    // A grant's option or clause that slipped out of its grant (`family:` under the role) is
    // not misspelt: it is in the wrong mapping.
    const slipped = !kinds && !known.includes(entry.key) && (entry.key in OPTION_WORDS || GRANT_CLAUSE_KEYS.includes(entry.key)) && known.includes('grants');
    const suggestion = slipped ? `\`${entry.key}\` belongs to a grant: put it under the grant's \`- VERB SERVICE TYPE: …\` key, lined up with that key (two spaces past the \`-\`)` : didYouMean(entry.key, known);
    const options = suggestion ? { suggestion } : {};
    if (kinds) this.bag.add('IAM1107', entry.keySpan, `\`${entry.key}\` is not ${article(kinds)}`, { detail: `expected one of ${known.map((k) => `\`${k}\``).join(', ')}`, ...options });
    else this.bag.add('IAM1104', entry.keySpan, `unknown key \`${entry.key}\` in ${place.what}`, options);
  }

  private wrongType(node: unknown, expectation: string, fallback: Span): void {
    this.bag.add('IAM1103', this.span(node, fallback), `${expectation}, not ${describe(node)}`);
  }
}

/** The text of a pair's key when it is a string or number scalar. */
export function scalarKey(pair: Pair): string | undefined {
  const key = pair.key;
  if (!isScalar(key)) return undefined;
  if (typeof key.value === 'string') return key.value;
  if (typeof key.value === 'number') return key.source ?? String(key.value);
  return undefined;
}

function describe(node: unknown): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || v === undefined) return 'empty';
    if (typeof v === 'boolean') return `\`${String(v)}\``;
    if (typeof v === 'number' || typeof v === 'bigint') return 'a number';
    if (typeof v === 'string') return 'a string';
  }
  if (node === null || node === undefined) return 'empty';
  return 'this value';
}

/** `a principal`, `an attach target`. */
export function article(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}
