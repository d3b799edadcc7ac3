import { itself, regional } from './arn.js';
import type { Pattern } from './pattern.js';

const certificate = regional('acm', 'certificate', 'certificate/', 'certificate ID, e.g. `12345678-1234-1234-1234-123456789012`', {
  pattern: /^[a-f0-9*?-]{1,36}$/,
  message: 'certificate IDs are a UUID, e.g. `12345678-1234-1234-1234-123456789012`',
});

export const acmPatterns: readonly Pattern[] = [
  {
    id: 'acm.read.certificate',
    service: 'acm',
    verb: 'read',
    resourceType: 'certificate',
    doc: 'read a certificate and its chain (never its private key)',
    target: certificate,
    parts: [{ actions: ['acm:DescribeCertificate', 'acm:GetCertificate'], on: itself }],
  },
];
