import { itself, regional } from './arn.js';
import type { Pattern, TargetArn } from './pattern.js';

const stateMachine = regional('states', 'statemachine', 'stateMachine:', 'state machine name (globs allowed)', {
  pattern: /^[A-Za-z0-9_*?-]{1,80}$/,
  message: 'state machine names are up to 80 letters, digits, `-` and `_`',
}, 'segment-colon');

/**
 * Every execution of the state machine: `execution:NAME:EXECUTION`. The name is followed by `:`, so
 * its meaning (`segment-colon`) keeps a glob in the name from reaching another machine's executions;
 * execution names never hold `:` (Step Functions API reference, StartExecution `name`).
 */
const executions = (t: TargetArn): readonly string[] => {
  const at = t.arn.indexOf(':stateMachine:');
  return [`${t.arn.slice(0, at)}:execution:${t.arn.slice(at + ':stateMachine:'.length)}:*`];
};

export const statesPatterns: readonly Pattern[] = [
  {
    id: 'states.read.state-machine',
    service: 'states',
    verb: 'read',
    resourceType: 'state-machine',
    doc: 'describe a state machine, list its executions and read their status and history',
    target: stateMachine,
    parts: [
      { actions: ['states:DescribeStateMachine', 'states:ListExecutions'], on: itself },
      { actions: ['states:DescribeExecution', 'states:DescribeStateMachineForExecution', 'states:GetExecutionHistory'], on: executions },
    ],
    versusCdk:
      '`grantRead` also grants ListStateMachines, ListActivities, DescribeActivity and DescribeStateMachine on `*`: every machine and activity in the account; iamc names this machine',
  },
  {
    id: 'states.redrive.state-machine',
    service: 'states',
    verb: 'redrive',
    resourceType: 'state-machine',
    doc: 'restart failed executions of a state machine from where they failed',
    target: stateMachine,
    parts: [{ actions: ['states:RedriveExecution'], on: executions }],
    versusCdk: 'same as `grantRedriveExecution`',
  },
  {
    id: 'states.respond.state-machine',
    service: 'states',
    verb: 'respond',
    resourceType: 'state-machine',
    doc: 'report success, failure or a heartbeat for a task token issued by a state machine (callback tasks)',
    target: stateMachine,
    // AWS authorises these against the state machine that issued the token, though the catalogue
    // lists them with no resource type: the catalogue override table records that, with its source.
    parts: [{ actions: ['states:SendTaskFailure', 'states:SendTaskHeartbeat', 'states:SendTaskSuccess'], on: itself }],
    versusCdk: 'same as `grantTaskResponse`',
  },
  {
    id: 'states.run.state-machine',
    service: 'states',
    verb: 'run',
    resourceType: 'state-machine',
    doc: 'start executions of a state machine (standard or synchronous express), follow them and stop them',
    target: stateMachine,
    parts: [
      { actions: ['states:StartExecution', 'states:StartSyncExecution'], on: itself },
      { actions: ['states:DescribeExecution', 'states:GetExecutionHistory', 'states:StopExecution'], on: executions },
    ],
    versusCdk:
      '`grantStartExecution` plus `grantStartSyncExecution` plus `grantExecution(DescribeExecution, GetExecutionHistory, StopExecution)`',
    note: 'express executions run with StartExecution are not described by DescribeExecution (AWS keeps no history for them; read their logs instead)',
  },
  {
    id: 'states.start-execution.state-machine',
    service: 'states',
    verb: 'start-execution',
    resourceType: 'state-machine',
    doc: 'start executions of a state machine',
    target: stateMachine,
    // StartSyncExecution (express workflows, waiting for the result) is a different intent: `run`.
    parts: [{ actions: ['states:StartExecution'], on: itself }],
    versusCdk: 'same as `grantStartExecution`',
  },
];
