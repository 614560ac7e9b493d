/** Puts the server's field messages on the form's fields; anything else is one message. */
import type { FormInstance } from 'antd';
import { ApiRequestError, errorMessage } from '../../app/api.ts';

export function showServerError(form: FormInstance, error: unknown, notify: (text: string) => void): void {
  const issues = error instanceof ApiRequestError ? (error.body.issues ?? []) : [];
  const known = issues.filter((i) => typeof i.path[0] === 'string' && form.getFieldInstance(i.path[0]));
  if (known.length) form.setFields(known.map((i) => ({ name: i.path[0] as string, errors: [i.message] })));
  if (known.length !== issues.length || !issues.length) notify(errorMessage(error));
}
