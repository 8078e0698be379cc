/** 13812341234 → 138****1234 */
export const maskPhone = (phone: string | null): string | null =>
  phone ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : phone;

/** 350502199001011234 → 3505**********1234 */
export const maskIdNumber = (id: string | null): string | null =>
  id ? `${id.slice(0, 4)}${'*'.repeat(Math.max(0, id.length - 8))}${id.slice(-4)}` : id;

/** wang.fang@example.com → w*******@example.com */
export const maskEmail = (email: string): string => {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '*'.repeat(email.length);
  return `${email[0]}${'*'.repeat(Math.max(1, at - 1))}${email.slice(at)}`;
};

/** 王师傅 → 王**: enough to recognise a record, not to identify a person. */
export const maskPersonName = (name: string): string =>
  name.length <= 1 ? '*' : `${name[0]}${'*'.repeat(name.length - 1)}`;

type FieldKind = 'phone' | 'idNumber' | 'email' | 'name';

/** What a key holds, judged by its name (English and Chinese, any case, any nesting). */
const FIELD_KINDS: [RegExp, FieldKind][] = [
  [/phone|mobile|tel(ephone)?$|^tel|手机|电话|联系方式/i, 'phone'],
  [/id.?(number|no|card)|identity|passport|身份证|证件/i, 'idNumber'],
  [/e.?mail|邮箱|邮件/i, 'email'],
  [/(^|[a-z_])name$|^name|姓名|联系人|负责人|导师|学徒|师傅|博士/i, 'name'],
];

/** Keys that name an organisation or a thing, not a person: judged by their text alone. */
const NOT_A_PERSON =
  /enterprise|company|institution|organi[sz]ation|unit|school|college|activity|program|session|project|file|企业|公司|单位|机构|学校|院校|活动|项目/i;

export function personalFieldKind(key: string): FieldKind | undefined {
  if (NOT_A_PERSON.test(key)) return undefined;
  return FIELD_KINDS.find(([pattern]) => pattern.test(key))?.[1];
}

// in free text: mainland mobile numbers, 18-digit ID numbers, email addresses
const ID_IN_TEXT = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const PHONE_IN_TEXT = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/g;
const EMAIL_IN_TEXT = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** Phone numbers, ID numbers and email addresses typed into free text, masked where they stand. */
export function maskFreeText(text: string): string {
  return text
    .replace(ID_IN_TEXT, (id) => maskIdNumber(id)!)
    .replace(PHONE_IN_TEXT, (phone) => maskPhone(phone.replace(/\D/g, '').slice(-11))!)
    .replace(EMAIL_IN_TEXT, maskEmail);
}

function maskByKind(kind: FieldKind | undefined, value: string): string {
  switch (kind) {
    case 'phone':
      return maskPhone(value)!;
    case 'idNumber':
      return maskIdNumber(value)!;
    case 'email':
      return maskEmail(value);
    case 'name':
      return maskPersonName(value);
    default:
      return maskFreeText(value);
  }
}

/**
 * Personal data in a free-form structure, for callers who may not see it: string values are
 * masked by the name of the key that holds them (phone, mobile, idNumber, 身份证, email, names …)
 * at any depth, inside arrays too, and every other string has the phone numbers, ID numbers and
 * email addresses in its text masked. `names` collects the person names found, so a title that
 * repeats them can be masked as well.
 */
export function maskPersonalData<T>(value: T, names: Set<string> = new Set(), kind?: FieldKind, depth = 0): T {
  if (typeof value === 'string') {
    if (kind === 'name' && value.trim()) names.add(value.trim());
    return maskByKind(kind, value) as T;
  }
  if (typeof value === 'number' && kind && kind !== 'name') return maskByKind(kind, String(value)) as T;
  // only containers are cut off, so a value held just below the limit is still masked
  if (depth > 32) return (Array.isArray(value) ? [] : typeof value === 'object' && value ? {} : value) as T;
  if (Array.isArray(value)) return value.map((v) => maskPersonalData(v, names, kind, depth + 1)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, maskPersonalData(v, names, personalFieldKind(k) ?? kind, depth + 1)]),
    ) as T;
  }
  return value;
}

/** Every occurrence of each name in `text` replaced by its masked form, longest names first. */
export function maskNamesIn(text: string, names: Iterable<string>): string {
  let out = text;
  for (const name of [...names].filter((n) => n.length >= 2).sort((a, b) => b.length - a.length)) {
    out = out.split(name).join(maskPersonName(name));
  }
  return maskFreeText(out);
}
