import { everything, NO_TARGET } from './arn.js';
import type { Pattern } from './pattern.js';

export const cePatterns: readonly Pattern[] = [
  {
    id: 'ce.read.costs',
    service: 'ce',
    verb: 'read',
    resourceType: 'costs',
    doc: "read the account's costs and usage, tags and dimension values, and reservation coverage, utilisation and recommendations",
    target: NO_TARGET,
    parts: [
      {
        actions: ['ce:GetReservationCoverage', 'ce:GetReservationPurchaseRecommendation', 'ce:GetReservationUtilization'],
        on: everything,
        why: 'Cost Explorer names no resource for these reports and accepts them only on `*`',
      },
      {
        actions: ['ce:GetCostAndUsage', 'ce:GetDimensionValues', 'ce:GetTags'],
        on: everything,
        why: 'their only resource type (a billing view) is optional: the account\'s own costs are read on `*`, which also covers every billing view shared with the account',
      },
    ],
  },
];
