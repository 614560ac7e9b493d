import type { UserContext } from './sessions.ts';

/** The office's view of the data, for work the server does on its own (scheduled jobs, agendas). */
export const SYSTEM_USER: UserContext = {
  id: '00000000-0000-0000-0000-000000000000',
  username: 'system',
  displayName: '系统',
  role: 'office',
  orgId: null,
  orgName: null,
  regionCode: null,
  personId: null,
};
