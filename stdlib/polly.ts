import { everything, NO_TARGET } from './arn.js';
import type { Pattern } from './pattern.js';

export const pollyPatterns: readonly Pattern[] = [
  {
    id: 'polly.synthesize.speech',
    service: 'polly',
    verb: 'synthesize',
    resourceType: 'speech',
    doc: 'turn text into speech and list the voices',
    target: NO_TARGET,
    parts: [
      { actions: ['polly:DescribeVoices'], on: everything, why: 'listing voices names no resource; Polly accepts it only on `*`' },
      {
        actions: ['polly:SynthesizeSpeech'],
        on: everything,
        why: 'its only resource type (a pronunciation lexicon) is optional: speech without a lexicon is authorised on `*`, which also covers the account\'s lexicons',
      },
    ],
    note: 'managing lexicons (PutLexicon, DeleteLexicon) is not speaking and is left out',
  },
];
