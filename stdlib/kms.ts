import { itself, regional } from './arn.js';
import type { ArnContext, Pattern, TargetShape } from './pattern.js';

const keyId = regional('kms', 'key', 'key/', 'key id (a UUID or `mrk-…`, globs allowed; never a key name or alias: KMS authorises by id)', {
  pattern: /^[A-Za-z0-9*?-]{1,128}$/,
  message: 'a key id is a UUID such as `1234abcd-12ab-34cd-56ef-1234567890ab` or a `mrk-` id',
});

/** A key id as AWS writes it, or a glob over key ids (hex digits, `-`, an `mrk-` prefix). */
const KEY_ID = /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32})$/;
const KEY_ID_GLOB = /^(?:mrk-)?[0-9a-fA-F*?-]*[*?][0-9a-fA-F*?-]*$/;

/**
 * KMS authorises cryptographic calls against the key ARN even when the caller names an alias, so
 * an identity policy on `alias/NAME` never allows them, and a key's name is no part of its ARN at
 * all. Reject both rather than emit a dead grant.
 */
const key: TargetShape = {
  ...keyId,
  build: (name: string, ctx: ArnContext) =>
    name.startsWith('alias/')
      ? {
          error:
            'an identity policy cannot authorise a key through its alias; write the key id (`aws kms describe-key --key-id alias/…` shows it)',
        }
      : !KEY_ID.test(name) && !KEY_ID_GLOB.test(name)
        ? {
            error: `it reads as a key's name, and a grant on a name never matches; write the key id (\`aws kms describe-key --key-id alias/${name}\` shows it) or the key ARN \`arn:aws:kms:REGION:ACCOUNT:key/KEY-ID\``,
          }
        : keyId.build(name, ctx),
};

export const kmsPatterns: readonly Pattern[] = [
  {
    id: 'kms.decrypt.key',
    service: 'kms',
    verb: 'decrypt',
    resourceType: 'key',
    doc: 'decrypt data (and read encrypted queues, topics, objects) with a key',
    target: key,
    parts: [{ actions: ['kms:Decrypt'], on: itself }],
    versusCdk: 'same as `grantDecrypt`',
  },
  {
    id: 'kms.encrypt.key',
    service: 'kms',
    verb: 'encrypt',
    resourceType: 'key',
    doc: 'encrypt data and generate data keys with a key',
    target: key,
    parts: [
      {
        actions: ['kms:Encrypt', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext'],
        on: itself,
      },
    ],
    versusCdk:
      '`grantEncrypt` adds `ReEncrypt*` and `GenerateDataKey*`: ReEncryptFrom reads ciphertext, which is decrypting, and the wildcards widen when KMS adds actions (data key pairs are left out); envelope writers that read back also need `decrypt kms key`',
  },
];
