/** Query strings for the API, in a module of their own so the start-up requests (early.ts) need nothing else. */

export type QueryParams = Record<string, string | number | boolean | readonly string[] | null | undefined>;

/** Query string with empty values left out and lists joined by commas (the API accepts both forms). */
export function toQueryString(params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) search.set(key, value.join(','));
    } else {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
