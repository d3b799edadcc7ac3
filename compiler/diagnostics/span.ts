/**
 * A range of source text. Lines and columns are 1-based, offsets are 0-based UTF-16 indexes
 * (what JavaScript strings use); `end*` is exclusive. Every AST node carries one.
 */
export interface Span {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly offset: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly endOffset: number;
}

/** A value with the place it was written. Equality of programs ignores the span. */
export interface Located<T> {
  readonly value: T;
  readonly span: Span;
}

/** Maps offsets of one file to line/column, built once per file. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    }
  }

  position(offset: number): { line: number; column: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - this.lineStarts[lo]! + 1 };
  }

  span(offset: number, endOffset: number): Span {
    const start = this.position(offset);
    const end = this.position(Math.max(offset, endOffset));
    return {
      file: this.file,
      line: start.line,
      column: start.column,
      offset,
      endLine: end.line,
      endColumn: end.column,
      endOffset: Math.max(offset, endOffset),
    };
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return '';
    const next = this.lineStarts[line];
    const end = next === undefined ? this.text.length : next - 1;
    return this.text.slice(start, end).replace(/\r$/, '');
  }
}

/** A span covering the whole of a file that could not be read or parsed at all. */
export function fileSpan(file: string): Span {
  return { file, line: 1, column: 1, offset: 0, endLine: 1, endColumn: 1, endOffset: 0 };
}

/** The smallest span covering both (same file assumed). */
export function joinSpans(a: Span, b: Span): Span {
  const first = a.offset <= b.offset ? a : b;
  const last = a.endOffset >= b.endOffset ? a : b;
  return {
    file: a.file,
    line: first.line,
    column: first.column,
    offset: first.offset,
    endLine: last.endLine,
    endColumn: last.endColumn,
    endOffset: last.endOffset,
  };
}

export function compareSpans(a: Span, b: Span): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.offset - b.offset || a.endOffset - b.endOffset;
}

export function formatSpan(span: Span): string {
  return `${span.file}:${span.line}:${span.column}`;
}
