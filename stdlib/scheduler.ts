import { itself, regional } from './arn.js';
import type { Pattern, TargetArn } from './pattern.js';

const scheduleGroup = regional('scheduler', 'schedule-group', 'schedule-group/', 'schedule group name (`default` for the default group)', {
  pattern: /^[A-Za-z0-9_.*?-]{1,64}$/,
  message: 'schedule group names are up to 64 letters, digits and `._-`',
}, 'segment');

/** Every schedule in the group: `schedule/GROUP/NAME` (a group name never holds `/`). */
const schedules = (t: TargetArn): readonly string[] => {
  const at = t.arn.indexOf(':schedule-group/');
  return [`${t.arn.slice(0, at)}:schedule/${t.arn.slice(at + ':schedule-group/'.length)}/*`];
};

export const schedulerPatterns: readonly Pattern[] = [
  {
    id: 'scheduler.manage.schedule-group',
    service: 'scheduler',
    verb: 'manage',
    resourceType: 'schedule-group',
    doc: 'create, read, update and delete the schedules of one EventBridge Scheduler schedule group',
    target: scheduleGroup,
    parts: [
      { actions: ['scheduler:GetScheduleGroup'], on: itself },
      { actions: ['scheduler:CreateSchedule', 'scheduler:DeleteSchedule', 'scheduler:GetSchedule', 'scheduler:UpdateSchedule'], on: schedules },
    ],
    note: 'a schedule runs as the role it names: creating or updating one also needs `pass iam role ROLE to scheduler`, a separate grant; creating or deleting the group itself is not included',
  },
];
