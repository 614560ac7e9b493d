/**
 * localStorage that never throws: private modes and locked-down browsers refuse storage,
 * and a remembered preference is never worth a broken page.
 */
export function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Preference simply is not remembered.
  }
}

export function readStoredJson<T>(key: string, isValid: (v: unknown) => v is T): T | null {
  const text = readStored(key);
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return isValid(value) ? value : null;
  } catch {
    return null;
  }
}
