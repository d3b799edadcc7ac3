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
  { verb: 'assume', meaning: 'take on a role (`sts:AssumeRole`)' },
  { verb: 'connect', meaning: 'open a connection as a database or cache user' },
  { verb: 'consume', meaning: 'receive messages and delete each once it is handled' },
  { verb: 'decrypt', meaning: 'decrypt with a key' },
  { verb: 'deploy', meaning: 'replace the code or task definition a function or service runs, never its configuration or role' },
  { verb: 'encrypt', meaning: 'encrypt with a key, including the data keys of envelope encryption' },
  { verb: 'invalidate', meaning: 'invalidate cached content' },
  { verb: 'invoke', meaning: 'call a function, model or API' },
  { verb: 'lock', meaning: 'take and release a lock kept as an item (a Terraform lock table)' },
  { verb: 'mount', meaning: 'mount a file system as a client' },
  { verb: 'pass', meaning: 'hand a role to a service that acts with it (`iam:PassRole`), for the service named after `to`' },
  { verb: 'publish', meaning: 'publish messages to a topic' },
  { verb: 'pull', meaning: 'download images or code' },
  { verb: 'purge', meaning: 'delete every message of a queue at once' },
  { verb: 'push', meaning: 'upload images or code' },
  { verb: 'put-events', meaning: 'put events on an event bus' },
  { verb: 'query', meaning: 'run queries and read their results' },
  { verb: 'respond', meaning: 'report the outcome of a task a workflow handed out' },
  { verb: 'run', meaning: 'start a workflow or task, and describe or stop what it started' },
  { verb: 'send', meaning: 'send messages or email' },
  { verb: 'sign', meaning: 'sign with an asymmetric key' },
  { verb: 'start-execution', meaning: 'start a workflow, and nothing else' },
  { verb: 'subscribe', meaning: 'subscribe to a topic\'s or an API\'s messages' },
  { verb: 'verify', meaning: 'verify signatures with an asymmetric key' },
];

export function verbMeaning(verb: string): string | undefined {
  return VERBS.find((v) => v.verb === verb)?.meaning;
}
