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

const PASS_ROLE = 'a schedule runs as the role it names: creating or updating one also needs `pass iam role ROLE to scheduler`, a separate grant';

export const schedulerPatterns: readonly Pattern[] = [
  {
    id: 'scheduler.delete.schedules',
    service: 'scheduler',
    verb: 'delete',
    resourceType: 'schedules',
    doc: 'delete the schedules of one EventBridge Scheduler schedule group',
    target: scheduleGroup,
    parts: [{ actions: ['scheduler:DeleteSchedule'], on: schedules }],
    versusCdk: 'same as `grantDeleteSchedules`',
  },
  {
    id: 'scheduler.read.schedules',
    service: 'scheduler',
    verb: 'read',
    resourceType: 'schedules',
    doc: 'read the schedules of one EventBridge Scheduler schedule group, and the group',
    target: scheduleGroup,
    parts: [
      { actions: ['scheduler:GetScheduleGroup'], on: itself },
      { actions: ['scheduler:GetSchedule'], on: schedules },
    ],
    versusCdk:
      '`grantReadSchedules` also names ListSchedules on the schedules, which AWS accepts only on `*`: a grant that never matches; listing every schedule of the account is left out',
  },
  {
    id: 'scheduler.write.schedules',
    service: 'scheduler',
    verb: 'write',
    resourceType: 'schedules',
    doc: 'create and update the schedules of one EventBridge Scheduler schedule group',
    target: scheduleGroup,
    parts: [{ actions: ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule'], on: schedules }],
    versusCdk: 'same as `grantWriteSchedules`',
    note: PASS_ROLE,
  },
];
