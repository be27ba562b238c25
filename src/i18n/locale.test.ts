import { detectLocale, initialLocale, localeStorageKey } from './locale';

function browserLanguages(languages: string[]) {
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages);
}

afterEach(() => vi.restoreAllMocks());

describe('the language of a visit', () => {
  it.each([
    [['zh-CN'], 'zh-CN'],
    [['zh-TW', 'en'], 'zh-CN'],
    [['zh'], 'zh-CN'],
    [['ZH_hk'], 'zh-CN'],
    [['fr-FR', 'zh-CN'], 'zh-CN'],
    [['en-US', 'zh-CN'], 'en'],
    [['en-GB'], 'en'],
    [['fr-FR', 'de'], 'en'],
    [[], 'en'],
  ])('the browser asks for %j: %s', (languages, expected) => {
    expect(detectLocale(languages)).toBe(expected);
  });

  it('a first visit follows the browser', () => {
    browserLanguages(['zh-CN', 'en']);
    expect(initialLocale()).toBe('zh-CN');
  });

  it('a language chosen before wins over the browser, an unknown stored value does not', () => {
    browserLanguages(['zh-CN']);
    localStorage.setItem(localeStorageKey, 'en');
    expect(initialLocale()).toBe('en');
    localStorage.setItem(localeStorageKey, 'klingon');
    expect(initialLocale()).toBe('zh-CN');
  });

  it('a browser whose storage throws still gets its language', () => {
    browserLanguages(['zh-CN']);
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(initialLocale()).toBe('zh-CN');
  });
});
