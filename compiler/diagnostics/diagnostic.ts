import { CODES, type Code, type Severity } from './codes.js';
import { compareSpans, type Span } from './span.js';

/** One finding about the user's input. Never thrown: phases return them. */
export interface Diagnostic {
  readonly code: Code;
  readonly severity: Severity;
  /** This instance's message: lowercase, no final period, user words in backticks. */
  readonly message: string;
  /** The exact range at fault. */
  readonly span: Span;
  /** More explanation for this instance. */
  readonly detail?: string;
  /** A fix, e.g. "did you mean `consume`?". */
  readonly suggestion?: string;
  /** Other places that matter, e.g. the first declaration of a duplicate. */
  readonly related?: readonly { readonly message: string; readonly span: Span }[];
}

export interface DiagnosticOptions {
  detail?: string;
  suggestion?: string;
  related?: { message: string; span: Span }[];
}

export function diagnostic(code: Code, span: Span, message: string, options: DiagnosticOptions = {}): Diagnostic {
  const d: Diagnostic = { code, severity: CODES[code].severity, message, span };
  return {
    ...d,
    ...(options.detail !== undefined ? { detail: options.detail } : {}),
    ...(options.suggestion !== undefined ? { suggestion: options.suggestion } : {}),
    ...(options.related !== undefined && options.related.length > 0 ? { related: options.related } : {}),
  };
}

/** What every phase returns: a value (possibly partial) and what it found. */
export interface Result<T> {
  readonly value: T;
  readonly diagnostics: readonly Diagnostic[];
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Stable order for output: by file, position, then code. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => compareSpans(a.span, b.span) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
}

/** Collects diagnostics while a phase runs. */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];

  add(code: Code, span: Span, message: string, options?: DiagnosticOptions): void {
    this.items.push(diagnostic(code, span, message, options));
  }

  push(...ds: readonly Diagnostic[]): void {
    this.items.push(...ds);
  }

  get hasErrors(): boolean {
    return hasErrors(this.items);
  }
}
