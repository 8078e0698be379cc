/** Full-width ASCII (ＡＢＣ１２３, full-width space) to half-width; people paste from Word and WeChat. */
export function toHalfWidth(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** Half-width, trimmed, upper-case, inner spaces and dashes removed: how codes are compared. */
export function normalizeCode(input: string): string {
  return toHalfWidth(input).replace(/[\s-]/g, '').toUpperCase();
}

export function normalizeEmail(input: string): string {
  return toHalfWidth(input).trim().toLowerCase();
}
