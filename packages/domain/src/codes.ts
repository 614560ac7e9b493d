/**
 * Identity codes used by Chinese investment administration.
 */

/**
 * 投资项目统一代码 (GB/T 40058-2021 as issued by the national online approval platform):
 * 24 characters `YYYY-AAAAAA-NN-NN-NNNNNN` — year, issuing area's GB/T 2260 code,
 * industry/category digits, and a serial.
 */
export const PROJECT_CODE_PATTERN = /^(\d{4})-(\d{6})-(\d{2})-(\d{2})-(\d{6})$/;

export interface ProjectCodeParts {
  year: number;
  areaCode: string;
}

/** Parses a national project code; null when the shape is wrong. */
export function parseProjectCode(code: string): ProjectCodeParts | null {
  const m = PROJECT_CODE_PATTERN.exec(code.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const areaCode = m[2]!;
  if (year < 2000 || year > 2100) return null;
  if (!isRegionCode(areaCode)) return null;
  return { year, areaCode };
}

/** GB/T 2260 administrative division code: six digits, province part 11–82. */
export function isRegionCode(code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const province = Number(code.slice(0, 2));
  return province >= 11 && province <= 82;
}

/** The prefecture (地级) code a county/district/park code belongs to. */
export function prefectureOf(code: string): string {
  return `${code.slice(0, 4)}00`;
}

/** GB/T 4754-2017 industry: section letter A–T, optionally followed by 2, 3 or 4 digits. */
export function isIndustryCode(code: string): boolean {
  return /^[A-T](\d{2}|\d{3}|\d{4})?$/.test(code);
}
