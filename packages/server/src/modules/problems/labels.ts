import { EXTENSION_LABELS, PROBLEM_ACTIONS, TRANSITIONS } from '@pacer/domain';

/** Labels of every step kept in a problem's history: the lifecycle's and the scheduler's own. */
export const ACTION_LABELS: Record<string, string> = {
  raise: '提出问题',
  ...Object.fromEntries(PROBLEM_ACTIONS.map((a) => [a, TRANSITIONS[a].label])),
  ...EXTENSION_LABELS,
  escalate: '升级调度',
  chase: '催办签收',
  decide: '会议议定',
};
