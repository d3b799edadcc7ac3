import { itself, regional } from './arn.js';
import type { Pattern } from './pattern.js';

const bus = regional('events', 'event-bus', 'event-bus/', 'event bus name (`default` for the default bus)', {
  pattern: /^[A-Za-z0-9._/*?-]{1,256}$/,
  message: 'event bus names use letters, digits and `._-/`',
});

export const eventsPatterns: readonly Pattern[] = [
  {
    id: 'events.put-events.bus',
    service: 'events',
    verb: 'put-events',
    resourceType: 'bus',
    doc: 'put events on an event bus',
    target: bus,
    parts: [{ actions: ['events:PutEvents'], on: itself }],
    versusCdk: 'same as `grantPutEventsTo`',
    note: 'an event may carry any source and detail type but AWS\'s own (`aws.`), so the holder can trigger every rule of the bus and its targets; hold the sources with `events:source` in an `allow` where that matters',
  },
];
