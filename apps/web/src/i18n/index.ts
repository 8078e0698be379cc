import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhCN from './zh-CN';

export type Lang = 'zh-CN' | 'en';
const STORAGE_KEY = 'lang';

/** `?lang=en` in the URL wins and is remembered; then local storage; zh-CN by default. */
export function initialLanguage(): Lang {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (fromUrl === 'en' || fromUrl === 'zh-CN') {
    rememberLanguage(fromUrl);
    return fromUrl;
  }
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function rememberLanguage(lang: Lang): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the URL parameter still works
  }
}

/** English strings are a separate chunk: most readers never download them. */
async function loadMessages(lang: Lang): Promise<void> {
  if (lang === 'en' && !i18n.hasResourceBundle('en', 'translation')) {
    i18n.addResourceBundle('en', 'translation', (await import('./en')).default);
  }
}

export async function setLanguage(lang: Lang): Promise<void> {
  rememberLanguage(lang);
  await loadMessages(lang);
  await i18n.changeLanguage(lang);
}

const lng = initialLanguage();
/** Resolves when the first language's strings are in: render after it. */
export const i18nReady: Promise<unknown> = i18n
  .use(initReactI18next)
  .init({
    resources: { 'zh-CN': { translation: zhCN } },
    lng: 'zh-CN',
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
  })
  .then(() => (lng === 'zh-CN' ? undefined : setLanguage(lng)));

document.documentElement.lang = lng;
i18n.on('languageChanged', (l) => (document.documentElement.lang = l));

export default i18n;
