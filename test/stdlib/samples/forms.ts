/**
 * Sample targets for the patterns whose target is not a resource name: targetless patterns (`['']`)
 * and targets that become a condition (a metrics namespace), beside the named ones of the same files.
 */
export const FORMS_SAMPLES: Record<string, readonly string[]> = {
  'cloudwatch.read.alarm': ['orders-backlog', 'orders-*'],
  'cloudwatch.read.metrics': [''],
  'cloudwatch.write.dashboard': ['orders', 'orders-*'],
  'cloudwatch.write.metrics': ['MyApp', 'MyApp/*'],
  'xray.write.traces': [''],
};
