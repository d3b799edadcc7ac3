/**
 * The command line as a source that diagnostics can point into, so a mistake in an argument is
 * shown like a mistake in a file: `--> <command line>:1:21` with the line and a caret under the
 * value, never a made-up file named after the flag.
 */
import { LineIndex, type Span } from '../compiler/diagnostics/span.js';
import type { Source } from '../compiler/pipeline.js';

export const COMMAND_LINE = '<command line>';

/** An argument as a shell would need it: bare when safe, single-quoted otherwise. */
function shellWord(arg: string): string {
  return /^[A-Za-z0-9_@%+=:,./*?-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export interface CommandLine {
  readonly source: Source;
  /** The span of a flag's value (`--role NAME` or `--role=NAME`), or of the whole line. */
  valueSpan(flag: string): Span;
  /** The span of the first argument written exactly so, or of the whole line. */
  argumentSpan(value: string): Span;
}

export function commandLine(command: string, args: readonly string[]): CommandLine {
  const words = ['iamc', command, ...args].map(shellWord);
  const text = words.join(' ');
  const starts: number[] = [];
  let offset = 0;
  for (const w of words) {
    starts.push(offset);
    offset += w.length + 1;
  }
  const index = new LineIndex(COMMAND_LINE, text);
  const spanOfWord = (i: number, skip = 0) => index.span(starts[i]! + skip, starts[i]! + words[i]!.length);
  return {
    source: { path: COMMAND_LINE, text },
    valueSpan(flag) {
      for (let i = 2; i < words.length; i++) {
        const arg = args[i - 2]!;
        if (arg === `--${flag}` && i + 1 < words.length) return spanOfWord(i + 1);
        if (arg.startsWith(`--${flag}=`) && words[i] === arg) return spanOfWord(i, flag.length + 3);
        if (arg.startsWith(`--${flag}=`)) return spanOfWord(i);
      }
      return index.span(0, text.length);
    },
    argumentSpan(value) {
      const i = args.indexOf(value);
      return i < 0 ? index.span(0, text.length) : spanOfWord(i + 2);
    },
  };
}
