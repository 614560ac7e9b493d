/**
 * The one way the client talks to the API: JSON over fetch with the session cookie.
 * Every failure becomes an ApiRequestError carrying the server's Chinese message,
 * so pages show what the server said instead of inventing their own text.
 */
import type { ApiError } from '@pacer/domain';
import { takeEarly } from './early.ts';
import { i18n } from './i18n.ts';
import { toQueryString, type QueryParams } from './queryString.ts';

export { toQueryString, type QueryParams };

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError,
  ) {
    super(body.message);
    this.name = 'ApiRequestError';
  }
}

function isApiError(v: unknown): v is ApiError {
  return typeof v === 'object' && v !== null && typeof (v as ApiError).message === 'string' && typeof (v as ApiError).error === 'string';
}

async function request<T>(method: string, path: string, opts: { params?: QueryParams; body?: unknown } = {}): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json' } };
  // No content-type without a body: the server rejects an empty JSON body.
  if (opts.body !== undefined) {
    init.headers = { ...init.headers, 'content-type': 'application/json' };
    init.body = JSON.stringify(opts.body);
  }
  let response: Response;
  try {
    const url = `${path}${toQueryString(opts.params)}`;
    response = await ((method === 'GET' && takeEarly(url)) || fetch(url, init));
  } catch {
    throw new ApiRequestError(0, { error: 'network', message: i18n.t('errors.network') });
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    throw new ApiRequestError(
      response.status,
      isApiError(payload) ? payload : { error: 'http', message: i18n.t('errors.server', { status: response.status }) },
    );
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string, params?: QueryParams) => request<T>('GET', path, { params }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

export const errorMessage = (error: unknown): string =>
  error instanceof ApiRequestError ? error.message : error instanceof Error ? error.message : String(error);
