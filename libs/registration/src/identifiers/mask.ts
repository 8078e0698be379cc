/** 13812341234 → 138****1234 */
export const maskPhone = (phone: string | null): string | null =>
  phone ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : phone;

/** 350502199001011234 → 3505**********1234 */
export const maskIdNumber = (id: string | null): string | null =>
  id ? `${id.slice(0, 4)}${'*'.repeat(Math.max(0, id.length - 8))}${id.slice(-4)}` : id;
