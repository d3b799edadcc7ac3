/**
 * Product names for services (`stepfunctions`, `eventbridge`) point at the prefix the standard
 * library uses. Guards against a table entry that names a service the library does not have
 * (the help would send the reader nowhere) and against a product name that is a service itself.
 */
import { describe, expect, it } from 'vitest';
import { ALSO_CALLED, servicesAlsoCalled } from '../../compiler/resolve/service-names.js';
import { stdlibServices } from '../../stdlib/index.js';

describe('product names for services', () => {
  it('each name one no stdlib service has, pointing only at services the library has', () => {
    const services = stdlibServices();
    for (const [name, meant] of Object.entries(ALSO_CALLED)) {
      expect(services, name).not.toContain(name);
      for (const s of meant) expect(services, `${name} → ${s}`).toContain(s);
    }
  });

  it('read without regard to case', () => {
    expect(servicesAlsoCalled('StepFunctions', stdlibServices())).toEqual(['states']);
    expect(servicesAlsoCalled('athena', stdlibServices())).toEqual([]);
  });
});
