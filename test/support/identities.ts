import { idCardCheckDigit, usccCheckChar } from '@app/registration';

/** A valid 统一社会信用代码 for test enterprise number n (GB 32100-2015 check character computed). */
export function makeUscc(n: number): string {
  const body = `91350500${String(n).padStart(9, '0')}`;
  return body + usccCheckChar(body);
}

/** A valid 居民身份证号码 (Quanzhou area code, born 1990-01-01), sequence n. */
export function makeIdNumber(n: number): string {
  const body = `35050219900101${String(n % 1000).padStart(3, '0')}`;
  return body + idCardCheckDigit(body);
}
