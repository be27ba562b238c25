import type { Messages } from '@lingui/core';
import type { Locale } from './locale';
import type { Part } from './keys';

type Catalogue = Promise<{ messages: Messages }>;

// One chunk per locale and part, compiled at build time: only the active locale's messages load, and
// only the parts in use (the first page loads `boot` alone).
const loaders: Record<Locale, Record<Part, () => Catalogue>> = {
  en: {
    boot: () => import('./locales/en/boot.json?lingui'),
    app: () => import('./locales/en/app.json?lingui'),
    apilog: () => import('./locales/en/apilog.json?lingui'),
    traffic: () => import('./locales/en/traffic.json?lingui'),
  },
  'zh-CN': {
    boot: () => import('./locales/zh-CN/boot.json?lingui'),
    app: () => import('./locales/zh-CN/app.json?lingui'),
    apilog: () => import('./locales/zh-CN/apilog.json?lingui'),
    traffic: () => import('./locales/zh-CN/traffic.json?lingui'),
  },
};

export async function loadCatalogue(locale: Locale, part: Part): Promise<Messages> {
  return (await loaders[locale][part]()).messages;
}
