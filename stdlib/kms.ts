import { itself, regional } from './arn.js';
import type { ArnContext, Pattern, PatternOption, TargetArn, TargetShape } from './pattern.js';
import type { ConditionClause } from '../compiler/ir/intent.js';

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

/**
 * `via SERVICE`: the key may be used only in requests a service makes on the caller's behalf
 * (`kms:ViaService` is `SERVICE.REGION.amazonaws.com`), e.g. `via sqs` for a consumer of an
 * encrypted queue that never decrypts on its own.
 */
const via: PatternOption = {
  hint: 'service that uses the key for the caller (`sqs`, `sns`, `s3`, `secretsmanager`)',
  check: (value) => (/^[a-z][a-z0-9-]*$/.test(value) ? undefined : 'write the service as its endpoint word: `sqs`, `s3`, `secretsmanager`'),
  names: 'service',
};

/** The key ARN's region: `arn:aws:kms:REGION:…`. */
const regionOf = (arn: string): string => arn.split(':')[3] ?? '';

const viaService = (t: TargetArn): readonly ConditionClause[] => {
  const service = t.options?.via;
  return service === undefined ? [] : [{ operator: 'StringEquals', key: 'kms:ViaService', values: [`${service}.${regionOf(t.arn)}.amazonaws.com`] }];
};

export const kmsPatterns: readonly Pattern[] = [
  {
    id: 'kms.decrypt.key',
    service: 'kms',
    verb: 'decrypt',
    resourceType: 'key',
    doc: 'decrypt data (and read encrypted queues, topics, objects) with a key; `via SERVICE` limits it to that service’s use',
    target: key,
    options: { via },
    parts: [{ actions: ['kms:Decrypt'], on: itself, conditions: viaService }],
    versusCdk: 'same as `grantDecrypt`; CDK has no way to say `via`',
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
    note: 'producers to KMS-encrypted SQS queues, SNS topics and S3 multipart uploads also need Decrypt: that is `produce kms key`',
  },
  {
    // Named for the intent (a producer to an encrypted destination), not `encrypt`: the services
    // ask for Decrypt as well (SQS and SNS to reuse a cached data key, S3 to finish a multipart
    // upload), so a grant called `encrypt` would hide that its holder can decrypt with the key.
    id: 'kms.produce.key',
    service: 'kms',
    verb: 'produce',
    resourceType: 'key',
    doc: 'send to KMS-encrypted SQS queues and SNS topics and upload to SSE-KMS buckets: generate data keys and decrypt them',
    target: key,
    options: { via },
    parts: [{ actions: ['kms:Decrypt', 'kms:GenerateDataKey'], on: itself, conditions: viaService }],
    versusCdk: '`grantEncryptDecrypt` also grants Encrypt and `ReEncrypt*`, which no producer calls',
    note: 'Decrypt is not limited to data keys: the holder can decrypt anything encrypted with this key (add `via sqs`, `via sns` or `via s3` to allow it only through that service)',
  },
  {
    id: 'kms.sign.key',
    service: 'kms',
    verb: 'sign',
    resourceType: 'key',
    doc: 'sign messages with an asymmetric key',
    target: key,
    parts: [{ actions: ['kms:Sign'], on: itself }],
    versusCdk: 'same as `grantSign`',
  },
  {
    id: 'kms.verify.key',
    service: 'kms',
    verb: 'verify',
    resourceType: 'key',
    doc: 'verify signatures with an asymmetric key (in KMS; fetching the public key is not part of it)',
    target: key,
    parts: [{ actions: ['kms:Verify'], on: itself }],
    versusCdk: 'same as `grantVerify`',
  },
  {
    id: 'kms.generate-mac.key',
    service: 'kms',
    verb: 'generate-mac',
    resourceType: 'key',
    doc: 'generate HMACs with an HMAC key',
    target: key,
    parts: [{ actions: ['kms:GenerateMac'], on: itself }],
    versusCdk: 'same as `grantGenerateMac`',
  },
  {
    id: 'kms.verify-mac.key',
    service: 'kms',
    verb: 'verify-mac',
    resourceType: 'key',
    doc: 'verify HMACs with an HMAC key',
    target: key,
    parts: [{ actions: ['kms:VerifyMac'], on: itself }],
    versusCdk: 'same as `grantVerifyMac`',
  },
];
