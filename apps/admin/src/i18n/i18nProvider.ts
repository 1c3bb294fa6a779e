import polyglotI18nProvider from 'ra-i18n-polyglot';
import { en } from './en';

/**
 * Every English string of the console lives in en.ts (react-admin's own messages plus ours, keys like
 * resources.providers.fields.name). Another language is one more messages file and a line here.
 * A key with neither a message nor a default (`_`) is a bug: it is logged as an error, which fails
 * the browser tests, and shown as the key.
 */
const catalogs: Record<string, typeof en> = { en };

export const i18nProvider = polyglotI18nProvider((locale) => catalogs[locale] ?? en, 'en', [{ locale: 'en', name: 'English' }], {
  onMissingKey: (key: string) => {
    console.error(`Missing translation: ${key}`);
    return key;
  },
});
