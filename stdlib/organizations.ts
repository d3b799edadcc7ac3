import { everything, NO_TARGET } from './arn.js';
import type { Pattern } from './pattern.js';

export const organizationsPatterns: readonly Pattern[] = [
  {
    id: 'organizations.read.accounts',
    service: 'organizations',
    verb: 'read',
    resourceType: 'accounts',
    doc: 'list the accounts of the organization',
    target: NO_TARGET,
    parts: [
      {
        actions: ['organizations:ListAccounts'],
        on: everything,
        why: 'Organizations accepts ListAccounts only on `*`; it works from the management account or a delegated administrator',
      },
    ],
  },
];
