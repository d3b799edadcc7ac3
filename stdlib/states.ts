import { itself, regional } from './arn.js';
import type { Pattern } from './pattern.js';

const stateMachine = regional('states', 'statemachine', 'stateMachine:', 'state machine name (globs allowed)', {
  pattern: /^[A-Za-z0-9_*?-]{1,80}$/,
  message: 'state machine names are up to 80 letters, digits, `-` and `_`',
}, 'segment-colon');

export const statesPatterns: readonly Pattern[] = [
  {
    id: 'states.start-execution.state-machine',
    service: 'states',
    verb: 'start-execution',
    resourceType: 'state-machine',
    doc: 'start executions of a state machine',
    target: stateMachine,
    // StartSyncExecution (express workflows, waiting for the result) is a different intent: left out.
    parts: [{ actions: ['states:StartExecution'], on: itself }],
    versusCdk: 'same as `grantStartExecution`',
  },
];
