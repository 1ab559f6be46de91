import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json' with { type: 'json' };
import hi from './hi.json' with { type: 'json' };
import type { Locale } from '../api/types.js';

export const LOCALES: readonly Locale[] = ['en', 'hi'];
const STORAGE_KEY = 'chhavi.locale';

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'hi';
}

/** The language chosen before sign-in (or last used on this browser). */
export function storedLocale(): Locale {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    if (isLocale(value)) return value;
  } catch {
    // Storage can be unavailable (private mode, policy); English is the default then.
  }
  return 'en';
}

export function rememberLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not being able to remember the choice only costs the next visit a click.
  }
}

export async function initI18n(locale: Locale): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, hi: { translation: hi } },
    lng: locale,
    fallbackLng: 'en',
    // React already escapes everything it renders as text.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = locale;
}

export async function applyLocale(locale: Locale): Promise<void> {
  rememberLocale(locale);
  document.documentElement.lang = locale;
  if (i18next.language !== locale) await i18next.changeLanguage(locale);
}

/** Translation key of a permission name (keys may not contain the dot i18next splits on). */
export function permissionKey(permission: string): string {
  return `permissions.${permission.replace(/\./g, '_')}`;
}
