/**
 * What each verb means, across every service that uses it (docs/stdlib.md, "Verbs"). A verb is
 * reused for the same kind of intent and never given a synonym; `test/stdlib/verb-law.test.ts`
 * checks `read`, `write` and `delete` against AWS's catalogue, and that every verb a pattern uses
 * is listed here.
 */
export interface VerbMeaning {
  readonly verb: string;
  /** One line: what a grant with this verb allows, and what it never does. */
  readonly meaning: string;
}

/** The three verbs whose meaning the verb law checks, then the service-specific ones A–Z. */
export const VERBS: readonly VerbMeaning[] = [
  { verb: 'read', meaning: 'get, list and describe what exists: only actions of access level Read or List' },
  {
    verb: 'write',
    meaning: 'create and update; never delete, except where the write API itself deletes (DynamoDB `BatchWriteItem`), which the pattern\'s note says',
  },
  { verb: 'delete', meaning: 'delete, and nothing else' },
  { verb: 'analyze', meaning: 'analyse documents sent with the request, and read back the results of the jobs it started' },
  { verb: 'assume', meaning: 'take on a role (`sts:AssumeRole`)' },
  { verb: 'attach', meaning: 'let a service acting as the role attach network interfaces in one VPC' },
  { verb: 'backup', meaning: 'take backups and follow them; never delete or restore them' },
  { verb: 'connect', meaning: 'open a connection as a database or cache user' },
  { verb: 'consume', meaning: 'receive messages and delete each once it is handled' },
  { verb: 'create', meaning: 'create a resource that software creates for itself on first use (a log group)' },
  { verb: 'decrypt', meaning: 'decrypt with a key' },
  { verb: 'deploy', meaning: 'replace the code or task definition a function or service runs, never its configuration or role' },
  { verb: 'detect', meaning: 'analyse text or images sent with the request; nothing is stored' },
  { verb: 'encrypt', meaning: 'encrypt with a key, including the data keys of envelope encryption' },
  { verb: 'generate-mac', meaning: 'generate HMACs with an HMAC key' },
  { verb: 'invalidate', meaning: 'invalidate cached content' },
  { verb: 'invoke', meaning: 'call a function, model or API' },
  { verb: 'lock', meaning: 'take and release a lock kept as an item (a Terraform lock table)' },
  { verb: 'manage', meaning: 'create, read, update and delete the items of one container (the schedules of a group, an email template)' },
  { verb: 'manage-users', meaning: 'administer the users of a user pool' },
  { verb: 'mount', meaning: 'mount a file system and write to it (mounting read-only is `read`)' },
  { verb: 'mutate', meaning: 'run GraphQL mutations' },
  { verb: 'pass', meaning: 'hand a role to a service that acts with it (`iam:PassRole`), for the service named after `to`' },
  { verb: 'produce', meaning: 'produce to KMS-encrypted queues, topics and buckets: generate data keys and decrypt them' },
  { verb: 'publish', meaning: 'publish messages to a topic' },
  { verb: 'pull', meaning: 'download images or code' },
  { verb: 'purge', meaning: 'delete every message of a queue at once' },
  { verb: 'push', meaning: 'upload images or code' },
  { verb: 'put', meaning: 'add and update items, never delete them (DynamoDB items, one request per item)' },
  { verb: 'put-events', meaning: 'put events on an event bus' },
  { verb: 'query', meaning: 'run queries and read their results' },
  { verb: 'redrive', meaning: 'restart failed executions from where they failed' },
  { verb: 'respond', meaning: 'report the outcome of a task a workflow handed out' },
  { verb: 'rotate', meaning: 'rotate a secret as a rotation function does: read it, store the new value, move its version stages' },
  { verb: 'run', meaning: 'start a workflow or task, and describe or stop what it started' },
  { verb: 'send', meaning: 'send messages or email' },
  { verb: 'sign', meaning: 'sign with an asymmetric key' },
  { verb: 'start-execution', meaning: 'start a workflow, and nothing else' },
  { verb: 'subscribe', meaning: 'subscribe to a topic\'s or an API\'s messages' },
  { verb: 'synthesize', meaning: 'turn text into speech' },
  { verb: 'verify', meaning: 'verify signatures with an asymmetric key' },
  { verb: 'verify-mac', meaning: 'verify HMACs with an HMAC key' },
];

export function verbMeaning(verb: string): string | undefined {
  return VERBS.find((v) => v.verb === verb)?.meaning;
}
