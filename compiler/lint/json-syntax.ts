/**
 * Where text stops being JSON (RFC 8259), and why, as AWS's parser would refuse it. The platform's
 * `JSON.parse` does not always say where; YAML (which reads JSON) would accept a trailing comma or
 * a `#` comment that AWS rejects. A small recursive-descent scan, bounded in depth so hostile
 * nesting is an error rather than a stack overflow.
 */
export interface JsonSyntaxError {
  readonly offset: number;
  readonly message: string;
}

const MAX_DEPTH = 256;

export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const fail = (message: string, at = i): never => {
    throw { offset: at, message } satisfies JsonSyntaxError;
  };
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const unexpected = (wanted: string): never => {
    if (i >= text.length) return fail(`the text ends where ${wanted} should be`);
    const c = text[i]!;
    if (c === '#' || (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*'))) return fail('JSON has no comments');
    if (c === "'") return fail('strings use double quotes');
    return fail(`expected ${wanted}, not \`${c}\``);
  };
  const value = (depth: number): void => {
    if (depth > MAX_DEPTH) fail(`nested more than ${MAX_DEPTH} deep`);
    ws();
    const c = text[i];
    if (c === '{') return object(depth);
    if (c === '[') return array(depth);
    if (c === '"') return string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    unexpected('a value');
  };
  const object = (depth: number) => {
    i++;
    ws();
    if (text[i] === '}') {
      i++;
      return;
    }
    let comma = -1;
    for (;;) {
      ws();
      if (text[i] !== '"') {
        if (text[i] === '}' && comma >= 0) fail('a trailing comma before `}`', comma);
        unexpected('a property name in double quotes');
      }
      string();
      ws();
      if (text[i] !== ':') unexpected('`:`');
      i++;
      value(depth + 1);
      ws();
      if (text[i] === ',') {
        comma = i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return;
      }
      unexpected('`,` or `}`');
    }
  };
  const array = (depth: number) => {
    i++;
    ws();
    if (text[i] === ']') {
      i++;
      return;
    }
    let comma = -1;
    for (;;) {
      ws();
      if (text[i] === ']' && comma >= 0) fail('a trailing comma before `]`', comma);
      value(depth + 1);
      ws();
      if (text[i] === ',') {
        comma = i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return;
      }
      unexpected('`,` or `]`');
    }
  };
  const string = () => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') {
      const code = text.charCodeAt(i);
      if (code < 0x20) fail('a string holds a raw control character or line break; write it as an escape');
      if (text[i] === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('`\\u` takes four hex digits');
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) fail(`\`\\${e ?? ''}\` is not a JSON escape`);
        i += 2;
        continue;
      }
      i++;
    }
    if (i >= text.length) fail('the string never ends', start);
    i++;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '-') fail('not a JSON number');
    i += m![0].length;
  };
  try {
    value(0);
    ws();
    if (i < text.length) unexpected('the end of the document');
    return undefined;
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'offset' in error) return error as JsonSyntaxError;
    throw error;
  }
}
