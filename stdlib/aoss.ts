import { itself, regional } from './arn.js';
import type { Pattern } from './pattern.js';

// Collections are authorised by id (the generated `abcd1234…`), never by name: one flat string of
// lowercase letters and digits, and nothing follows it in the ARN.
const collection = regional('aoss', 'Collection', 'collection/', 'collection id (not its name)', {
  pattern: /^[a-z0-9*?]{1,40}$/,
  message: 'a collection id is lowercase letters and digits, as `aws opensearchserverless list-collections` shows it (not the collection name)',
});

export const aossPatterns: readonly Pattern[] = [
  {
    id: 'aoss.connect.collection',
    service: 'aoss',
    verb: 'connect',
    resourceType: 'collection',
    doc: 'send requests to an OpenSearch Serverless collection’s endpoint',
    target: collection,
    parts: [{ actions: ['aoss:APIAccessAll'], on: itself }],
    note: 'what the requests may do to indexes and documents is the collection’s data access policy, not IAM: name this role there too',
  },
];
