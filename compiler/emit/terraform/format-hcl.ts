/**
 * Lays HCL out the way `terraform fmt` does, so emitted files are already formatted and a
 * `terraform fmt -check` in the user's CI passes. Terraform is not a dependency, so the two rules
 * its formatter (hclwrite) applies to our output are reimplemented here:
 *
 * - indentation: two spaces per open bracket level, counted per line as hclwrite counts it (a line
 *   that opens several brackets indents the following lines once);
 * - alignment: in a run of consecutive lines that each assign a whole value (`key = value` whose
 *   brackets balance on the line), the `=` signs line up one space after the longest key. A blank
 *   line, a block header, a closing bracket or a line opening a multi-line value ends the run.
 *
 * Blank lines are also tidied (none at the start, inside a block's edges or doubled), which fmt
 * would leave alone but which keeps templates free to space themselves loosely.
 */

interface Line {
  /** The line's text without indentation. */
  readonly text: string;
  /** Net brackets opened on the line. */
  readonly net: number;
  /** Offset of the `=` that assigns a whole value, if the line has one. */
  readonly assignAt: number | undefined;
}

export function formatHcl(source: string): string {
  const lines = tidyBlankLines(source.split('\n').map((l) => l.trim())).map(scanLine);
  const indents = indentation(lines);
  const out = lines.map((line, i) => ({ indent: indents[i]!, line }));
  const rendered: string[] = [];
  let run: typeof out = [];
  const flush = () => {
    const width = Math.max(0, ...run.map(({ indent, line }) => indent + line.text.slice(0, line.assignAt).trimEnd().length));
    for (const { indent, line } of run) {
      const key = line.text.slice(0, line.assignAt).trimEnd();
      const value = line.text.slice(line.assignAt! + 1).trimStart();
      rendered.push(`${' '.repeat(indent)}${key}${' '.repeat(width - indent - key.length + 1)}= ${value}`.trimEnd());
    }
    run = [];
  };
  for (const entry of out) {
    if (entry.line.assignAt !== undefined) {
      run.push(entry);
      continue;
    }
    flush();
    rendered.push(entry.line.text === '' ? '' : `${' '.repeat(entry.indent)}${entry.line.text}`);
  }
  flush();
  return `${rendered.join('\n')}\n`;
}

function tidyBlankLines(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const previous = out[out.length - 1];
    if (line === '' && (previous === undefined || previous === '' || previous.endsWith('{') || previous.endsWith('['))) continue;
    if (/^[}\]]/.test(line) && previous === '') out.pop();
    out.push(line);
  }
  while (out[out.length - 1] === '') out.pop();
  return out;
}

/** hclwrite's indent stack: each line that opens brackets pushes one level holding its count. */
function indentation(lines: readonly Line[]): number[] {
  const stack: number[] = [];
  return lines.map((line) => {
    if (line.net > 0) {
      const indent = 2 * stack.length;
      stack.push(line.net);
      return indent;
    }
    let closed = -line.net;
    while (closed > 0 && stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (closed >= top) {
        closed -= top;
        stack.pop();
      } else {
        stack[stack.length - 1] = top - closed;
        closed = 0;
      }
    }
    return 2 * stack.length;
  });
}

/**
 * Brackets and the assigning `=` of one line, skipping string contents. Inside a quoted string
 * `${…}` and `%{…}` open a bracket level (as hclwrite counts them) and `$${`, `%%{` are literal.
 */
function scanLine(text: string): Line {
  let net = 0;
  let equalsAt: number | undefined;
  let netAfterEquals = 0;
  // Each entry: inside a string (true) or in code (false), innermost last.
  const modes: boolean[] = [false];
  const bump = (delta: number) => {
    net += delta;
    if (equalsAt !== undefined) netAfterEquals += delta;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const inString = modes[modes.length - 1]!;
    if (inString) {
      if (ch === '\\') i++;
      else if ((ch === '$' || ch === '%') && text[i + 1] === ch && text[i + 2] === '{') i += 2;
      else if ((ch === '$' || ch === '%') && text[i + 1] === '{') {
        modes.push(false);
        bump(1);
        i++;
      } else if (ch === '"') modes.pop();
      continue;
    }
    if (ch === '#' || (ch === '/' && text[i + 1] === '/')) break;
    if (ch === '"') modes.push(true);
    else if (ch === '{' || ch === '[' || ch === '(') bump(1);
    else if (ch === '}' || ch === ']' || ch === ')') {
      bump(-1);
      // The `}` that ends an interpolation returns to the string around it.
      if (ch === '}' && modes.length > 1) modes.pop();
    } else if (ch === '=' && equalsAt === undefined && i > 0 && modes.length === 1 && !'=!<>'.includes(text[i - 1]!) && !'=>'.includes(text[i + 1] ?? '')) {
      equalsAt = i;
    }
  }
  const assignAt = equalsAt !== undefined && netAfterEquals === 0 ? equalsAt : undefined;
  return { text, net, assignAt };
}
