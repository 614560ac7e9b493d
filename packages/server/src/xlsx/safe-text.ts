/**
 * Text written into a spreadsheet that Excel could take for a formula (= + - @, or a leading
 * tab or return) is neutralised with a leading apostrophe: formula (CSV) injection.
 */
export function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
