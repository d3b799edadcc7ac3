import { describe, expect, it } from 'vitest';
import { lintSources } from '../../compiler/lint/lint-sources.js';

// Assembled at run time so this file itself holds no credential-shaped literal.
const KEY_ID = ['AKIA', 'Q3EGRK7Z2W5XJ4TN'].join('');
const TEMP_KEY_ID = ['ASIA', 'Q3EGRK7Z2W5XJ4TN'].join('');
const SECRET = ['u7Rt9/kq2Lm', 'X4pZ8vB1nW3cY6dF0gH5jK+eQaT9r'].join('');

const found = (text: string) => lintSources([{ path: 'f.iam', text }]).map((d) => `${d.code} ${d.span.line}:${d.span.column} ${text.slice(d.span.offset, d.span.endOffset).length}`);

describe('lintSources', () => {
  it('finds an access key id and the secret next to it, at their exact places', () => {
    const text = `role x for ec2 in prod {\n  # key ${KEY_ID}\n  # ${SECRET}\n}\n`;
    expect(found(text)).toEqual(['IAM5121 2:9 20', 'IAM5121 3:5 40']);
  });

  it('finds temporary key ids and private keys', () => {
    expect(found(`description "${TEMP_KEY_ID}"`)).toEqual(['IAM5121 1:14 20']);
    const pem = ['-----BEGIN RSA ', 'PRIVATE KEY-----'].join('');
    expect(found(`a\n${pem}\n`)).toEqual([`IAM5121 2:1 ${pem.length}`]);
  });

  it('never repeats the secret in the message', () => {
    const [id, secret] = lintSources([{ path: 'f.iam', text: `${KEY_ID}\n${SECRET}\n` }]);
    expect(id!.message).not.toContain(KEY_ID);
    expect(secret!.message).not.toContain(SECRET);
  });

  it('is silent on look-alikes: AWS example keys, lone 40-character strings, hex digests, longer words', () => {
    expect(found('AKIAIOSFODNN7EXAMPLE\nwJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n')).toEqual([]);
    expect(found(`description "${SECRET}"`)).toEqual([]);
    expect(found(`${KEY_ID.slice(0, 19)}\n`)).toEqual([]);
    expect(found(`X${KEY_ID}\n`)).toEqual([]);
    expect(found(`secret = "${'0123456789abcdef0123456789abcdef01234567'}"`)).toEqual([]);
    expect(found('role lambda-processor for lambda "processor-*" in prod { consume sqs queue "app-inbound-queue" }')).toEqual([]);
  });

  it('counts a 40-character string on a line that says secret', () => {
    expect(found(`aws_secret_access_key = ${SECRET}`)).toEqual(['IAM5121 1:25 40']);
  });
});
