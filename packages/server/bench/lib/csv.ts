/** CSV lines for COPY … WITH (FORMAT csv): null is an empty unquoted field, text is always quoted. */
export type Cell = string | number | boolean | null | undefined | readonly string[] | Date | Json | object;

/** A value for a json/jsonb column (arrays otherwise go to text[] columns). */
export class Json {
  constructor(readonly value: unknown) {}
}
export const json = (value: unknown) => new Json(value);

function field(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Json) return quote(JSON.stringify(v.value));
  if (Array.isArray(v)) return quote(`{${v.map((s) => `"${String(s).replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
  if (typeof v === 'object') return quote(JSON.stringify(v));
  return quote(v as string);
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

export function csvLine(values: readonly Cell[]): string {
  return `${values.map(field).join(',')}\n`;
}
