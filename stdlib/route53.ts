import { checkName, itself } from './arn.js';
import type { ArnContext, Pattern, TargetShape } from './pattern.js';

/** Hosted zone IDs are uppercase letters and digits (`Z1D633PJN98FT9`); Route 53 ARNs have no region or account. */
const hostedZone: TargetShape = {
  catalogueType: 'hostedzone',
  nameHint: 'hosted zone ID, e.g. `Z1D633PJN98FT9`',
  regional: false,
  meaning: { kind: 'flat', template: 'arn:{partition}:route53:::hostedzone/{name}' },
  build: (name: string, ctx: ArnContext) => {
    const error = checkName(name, { pattern: /^[A-Z0-9*?]{1,32}$/, message: 'hosted zone IDs are uppercase letters and digits, e.g. `Z1D633PJN98FT9`' });
    return error ? { error } : { arn: `arn:${ctx.partition}:route53:::hostedzone/${name}` };
  },
};

export const route53Patterns: readonly Pattern[] = [
  {
    id: 'route53.write.records',
    service: 'route53',
    verb: 'write',
    resourceType: 'records',
    doc: 'create and update (upsert) records in a hosted zone, and list them',
    target: hostedZone,
    parts: [
      {
        actions: ['route53:ChangeResourceRecordSets'],
        on: itself,
        // A change batch may also DELETE records: every change in the batch must be a create or an
        // upsert. `ForAllValues` also holds for a request without the key, so `Null` demands it.
        conditions: () => [
          { operator: 'ForAllValues:StringEquals', key: 'route53:ChangeResourceRecordSetsActions', values: ['CREATE', 'UPSERT'] },
          { operator: 'Null', key: 'route53:ChangeResourceRecordSetsActions', values: ['false'] },
        ],
      },
      { actions: ['route53:ListResourceRecordSets'], on: itself },
    ],
    note: 'no DELETE changes (a DNS-01 client that removes its TXT record afterwards needs them: an `allow` with `route53:ChangeResourceRecordSetsActions`)',
  },
];
