/**
 * Credentials pasted into files that get committed (IAM5121): AWS access key ids, a 40-character
 * secret key near one, and private-key blocks. The finding shows where, never the secret itself,
 * so CI logs do not repeat the leak. AWS's documented example keys (`…EXAMPLE…`) are not secrets.
 */
import { diagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/span.js';

/** `AKIA` long-term, `ASIA` temporary (STS) key ids: 4 letters + 16 upper-case letters or digits. */
const ACCESS_KEY_ID = /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/g;
/** A secret access key: 40 base64 characters, mixed case (a hex digest is not one). */
const SECRET_KEY = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
const PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/g;
/** A secret counts when it sits this close to a key id, or on a line that says it is a secret. */
const NEARBY_LINES = 3;

export function lintSources(sources: readonly { path: string; text: string }[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { path, text } of sources) {
    const index = new LineIndex(path, text);
    const keyLines: number[] = [];
    for (const m of text.matchAll(ACCESS_KEY_ID)) {
      if (m[0].includes('EXAMPLE')) continue;
      const span = index.span(m.index, m.index + m[0].length);
      keyLines.push(span.line);
      out.push(diagnostic('IAM5121', span, `an AWS access key id (\`${m[0].slice(0, 4)}…\`) is written here`, { suggestion: 'remove it and deactivate the key: it is leaked once committed' }));
    }
    for (const m of text.matchAll(SECRET_KEY)) {
      if (m[0].includes('EXAMPLE') || !/[a-z]/.test(m[0]) || !/[A-Z]/.test(m[0]) || !/[0-9/+]/.test(m[0])) continue;
      const span = index.span(m.index, m.index + m[0].length);
      const near = keyLines.some((l) => Math.abs(l - span.line) <= NEARBY_LINES) || /secret/i.test(index.lineText(span.line));
      if (near) out.push(diagnostic('IAM5121', span, 'an AWS secret access key is written here', { suggestion: 'remove it and deactivate the key: it is leaked once committed' }));
    }
    for (const m of text.matchAll(PRIVATE_KEY)) {
      out.push(diagnostic('IAM5121', index.span(m.index, m.index + m[0].length), 'a private key is written here', { suggestion: 'remove it and replace the key pair: it is leaked once committed' }));
    }
  }
  return sortDiagnostics(out);
}
