import { everything, NO_TARGET } from './arn.js';
import type { Pattern } from './pattern.js';

export const textractPatterns: readonly Pattern[] = [
  {
    id: 'textract.analyze.documents',
    service: 'textract',
    verb: 'analyze',
    resourceType: 'documents',
    doc: 'detect text and analyse documents, expenses and identity documents, at once or as jobs whose results are read back',
    target: NO_TARGET,
    parts: [
      {
        actions: [
          'textract:AnalyzeDocument',
          'textract:AnalyzeExpense',
          'textract:AnalyzeID',
          'textract:DetectDocumentText',
          'textract:GetDocumentAnalysis',
          'textract:GetDocumentTextDetection',
          'textract:StartDocumentAnalysis',
          'textract:StartDocumentTextDetection',
        ],
        on: everything,
        why: 'Textract names no resource for these calls and accepts them only on `*`; the documents themselves are read with `read s3 objects`',
      },
    ],
    note: 'asynchronous jobs that notify an SNS topic also need `pass iam role … to textract`; adapters and expense jobs are left out',
  },
];
