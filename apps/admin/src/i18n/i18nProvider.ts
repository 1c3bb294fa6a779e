import polyglotI18nProvider from 'ra-i18n-polyglot';
import { en } from './en';

/**
 * Every English string of the console lives in en.ts (react-admin's own messages plus ours, keys like
 * resources.providers.fields.name). Another language is one more messages file and a line here.
 * A key with neither a message nor a default (`_`) is a bug: it is logged as an error, which fails
 * the browser tests, and shown as the key.
 */
const catalogs: Record<string, typeof en> = { en };

/** `airlock.portal.tools.title`, `ra.action.save`: dotted identifiers without spaces. */
export function isKey(s: string): boolean {
  return /^[A-Za-z][\w-]*(\.[\w-]+)+$/.test(s);
}

export const i18nProvider = polyglotI18nProvider((locale) => catalogs[locale] ?? en, 'en', [{ locale: 'en', name: 'English' }], {
  onMissingKey: (key: string) => {
    // react-admin translates every notification and error; the API's messages ("The draft does not
    // compile: …") reach it as they are. A sentence is text to show, not a key that went missing.
    if (!isKey(key)) return key;
    console.error(`Missing translation: ${key}`);
    return key;
  },
});
