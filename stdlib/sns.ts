import { itself, regional } from './arn.js';
import type { Pattern } from './pattern.js';

const topic = regional('sns', 'topic', '', 'topic name (globs allowed)', {
  pattern: /^[A-Za-z0-9_*?-]{1,256}(\.fifo)?$/,
  message: 'topic names use letters, digits, `-` and `_` (and `.fifo` at the end)',
});

export const snsPatterns: readonly Pattern[] = [
  {
    id: 'sns.publish.topic',
    service: 'sns',
    verb: 'publish',
    resourceType: 'topic',
    doc: 'publish messages to a topic',
    target: topic,
    parts: [{ actions: ['sns:Publish'], on: itself }],
    versusCdk: 'same as `grantPublish`; the key grant is separate (`encrypt kms key`)',
  },
  {
    id: 'sns.subscribe.topic',
    service: 'sns',
    verb: 'subscribe',
    resourceType: 'topic',
    doc: 'subscribe an endpoint (a queue, a function, an address) to a topic',
    target: topic,
    parts: [{ actions: ['sns:Subscribe'], on: itself }],
    versusCdk: 'same as `grantSubscribe`',
    note: 'any endpoint of any account (an outside HTTPS endpoint, an address) receives every message once it confirms: hold the protocols or endpoints with `sns:Protocol` or `sns:Endpoint` in an `allow` where that matters; unsubscribing and changing subscription attributes are not part of subscribing',
  },
];
