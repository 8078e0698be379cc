import i18next, { i18n as I18n } from 'i18next';
import en from './en.json';
import zhCN from './zh-CN.json';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

/** zh-CN unless the caller prefers English (`Accept-Language`, q-values honoured). */
export function pickLanguage(acceptLanguage: string | string[] | undefined): Language {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : (acceptLanguage ?? '');
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return DEFAULT_LANGUAGE;
}

const BEIJING = 'Asia/Shanghai';

/** `2026-11-29 18:00` in Beijing time, whatever the server's zone. */
export function formatBeijing(value: Date | string | number): string {
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: BEIJING,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

function createI18n(): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    initAsync: false,
    resources: {
      'zh-CN': { translation: zhCN, phrases: zhCN.phrases },
      en: { translation: en, phrases: en.phrases },
    },
    ns: ['translation', 'phrases'],
    defaultNS: 'translation',
    lng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    fallbackLng: false,
    returnNull: false,
    interpolation: { escapeValue: false },
  });
  instance.services.formatter?.add('beijing', (value: unknown) => formatBeijing(value as Date));
  return instance;
}

let shared: I18n | undefined;
/** The one i18next instance of the process (resources are static). */
export function i18n(): I18n {
  return (shared ??= createI18n());
}

/** English phrases with `{{name}}` holes, compiled once into patterns that give back their params. */
interface Phrase {
  key: string;
  pattern: RegExp;
  names: string[];
}
let phrases: Phrase[] | undefined;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
function compiledPhrases(): Phrase[] {
  return (phrases ??= Object.keys(zhCN.phrases).map((key) => {
    const names: string[] = [];
    const source = key
      .split(/(\{\{\w+\}\})/)
      .map((piece) => {
        const hole = /^\{\{(\w+)\}\}$/.exec(piece);
        if (!hole) return piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(hole[1]!);
        return '(.+?)';
      })
      .join('');
    return { key, pattern: new RegExp(`^${source}$`), names };
  }));
}

/**
 * A field problem's reason in `lng`: by its translation key when it has one, else by the
 * English phrase itself (with `{{holes}}` matched), else the English text as it is.
 */
export function translateReason(
  lng: Language,
  reason: string,
  key?: string,
  params: Record<string, unknown> = {},
): string {
  const t = i18n().getFixedT(lng);
  if (key && i18n().exists(`reasons.${key}`, { lng })) return String(t(`reasons.${key}`, params as never));
  const options = { ns: 'phrases', keySeparator: false, nsSeparator: false } as const;
  for (const phrase of compiledPhrases()) {
    const m = phrase.pattern.exec(reason);
    if (!m) continue;
    if (!i18n().exists(phrase.key, { ...options, lng })) return reason;
    // a time in a phrase is shown in Beijing time
    const values = Object.fromEntries(
      phrase.names.map((n, i) => [n, ISO_TIME.test(m[i + 1]!) ? formatBeijing(m[i + 1]!) : m[i + 1]]),
    );
    return String(t(phrase.key, { ...values, ...options } as never));
  }
  return reason;
}
