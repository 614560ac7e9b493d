/**
 * Downloads a file from the API as the signed-in user. Fetched first (not a plain link), so a
 * refusal shows the server's message instead of saving an error page as a .docx.
 */
import { ApiRequestError, toQueryString, type QueryParams } from '../../app/api.ts';
import { i18n } from '../../app/i18n.ts';

/** The name from Content-Disposition (filename* first, it carries the Chinese). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (star) {
    try {
      return decodeURIComponent(star);
    } catch {
      // Fall through to the plain name.
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? fallback;
}

export async function downloadFile(path: string, params: QueryParams, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`${path}${toQueryString(params)}`, { credentials: 'same-origin' });
  } catch {
    throw new ApiRequestError(0, { error: 'network', message: i18n.t('errors.network') });
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string; message?: string } | null;
    throw new ApiRequestError(response.status, { error: body?.error ?? 'http', message: body?.message ?? i18n.t('errors.server', { status: response.status }) });
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
