/** Uploads one photo to a problem (multipart, checked by content on the server); the step then names its id. */
import type { problemPhoto } from '@pacer/domain';
import type { z } from 'zod';
import { ApiRequestError } from '../../app/api.ts';
import { i18n } from '../../app/i18n.ts';

export type ProblemPhoto = z.infer<typeof problemPhoto>;

export async function uploadProblemPhoto(problemId: string, file: File): Promise<ProblemPhoto> {
  const body = new FormData();
  body.append('file', file);
  let response: Response;
  try {
    response = await fetch(`/api/problems/${problemId}/photos`, { method: 'POST', body, credentials: 'same-origin', headers: { accept: 'application/json' } });
  } catch {
    throw new ApiRequestError(0, { error: 'network', message: i18n.t('errors.network') });
  }
  const payload = (await response.json().catch(() => null)) as { message?: string; error?: string } | null;
  if (!response.ok) {
    throw new ApiRequestError(response.status, { error: payload?.error ?? 'http', message: payload?.message ?? i18n.t('errors.server', { status: response.status }) });
  }
  return payload as ProblemPhoto;
}
