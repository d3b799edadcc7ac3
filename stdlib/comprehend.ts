import { everything, NO_TARGET } from './arn.js';
import type { Pattern } from './pattern.js';

export const comprehendPatterns: readonly Pattern[] = [
  {
    id: 'comprehend.detect.text',
    service: 'comprehend',
    verb: 'detect',
    resourceType: 'text',
    doc: 'detect the language, entities, key phrases and sentiment of text sent with the request (single and batch)',
    target: NO_TARGET,
    parts: [
      {
        actions: [
          'comprehend:BatchDetectDominantLanguage',
          'comprehend:BatchDetectEntities',
          'comprehend:BatchDetectKeyPhrases',
          'comprehend:BatchDetectSentiment',
          'comprehend:DetectDominantLanguage',
          'comprehend:DetectKeyPhrases',
          'comprehend:DetectSentiment',
        ],
        on: everything,
        why: 'these calls analyse the text in the request and store nothing; Comprehend accepts them only on `*`',
      },
      {
        actions: ['comprehend:DetectEntities'],
        on: everything,
        why: 'its only resource type (a custom entity recogniser endpoint) is optional: the built-in model is used on `*`, which also covers the account\'s custom recogniser endpoints',
      },
    ],
  },
];
