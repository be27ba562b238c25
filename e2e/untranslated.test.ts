// @vitest-environment jsdom
// A unit test (Vitest) of the harness the Playwright suites use; Playwright runs *.spec.ts only.
import { afterEach, describe, expect, it } from 'vitest';
import { collectPageTexts, wrongLanguage, type PageText } from './untranslated';

afterEach(() => {
  document.body.innerHTML = '';
  document.title = '';
});

const text = (t: string): PageText => ({ text: t, source: 'text', where: 'p' });

describe('collectPageTexts', () => {
  it('collects what a user reads or hears, and not what is hidden from both or typed by them', () => {
    document.title = '服务器组 - ZStack 控制台';
    document.body.innerHTML = `
      <h2>服务器组</h2>
      <button aria-label="Remove web-1" title="Remove from group"><svg></svg></button>
      <input placeholder="Type to search" value="what the admin typed" aria-describedby="help">
      <span id="help" style="display:none">Search by name</span>
      <img alt="Logo">
      <input type="submit" value="Send">
      <span style="position:absolute;width:1px;height:1px;overflow:hidden">for screen readers</span>
      <div hidden>hidden text</div>
      <div style="display:none"><p>not rendered</p></div>
      <p style="visibility:hidden">invisible</p>
      <textarea>typed lines</textarea>
      <script>var code = 1;</script>
      <select aria-label="Theme"><option>Light</option><option>Dark</option></select>
      <div data-zstack-text><p>ZStack's own error description</p></div>`;
    const texts = collectPageTexts({ exclude: ['[data-zstack-text]'] });
    const by = (source: string) => texts.filter((t) => t.source === source).map((t) => t.text);
    expect(by('text')).toEqual(['服务器组', 'for screen readers', 'Light', 'Dark']);
    expect(by('aria-label')).toEqual(['Remove web-1', 'Theme']);
    expect(by('title')).toEqual(['Remove from group']);
    expect(by('placeholder')).toEqual(['Type to search']);
    expect(by('aria-describedby')).toEqual(['Search by name']);
    expect(by('alt')).toEqual(['Logo']);
    expect(by('value')).toEqual(['Send']);
    expect(by('document.title')).toEqual(['服务器组 - ZStack 控制台']);
    expect(texts.find((t) => t.text === 'Remove web-1')?.where).toBe('button');
    expect(JSON.stringify(texts)).not.toMatch(
      /what the admin typed|typed lines|hidden text|not rendered|invisible|code|own error/,
    );
  });
});

describe('wrongLanguage', () => {
  it('on a Chinese page: English words, not names, addresses, codes, allowed terms or single letters', () => {
    const found = wrongLanguage(
      [
        text('添加 backend servers 到 dev-pool'),
        text('web-1 · 10.0.0.21 · fd00::10 · L3 · 6effd2d7914845d38012c15f069c04b7 · SYS.1006'),
        text('ZStack 控制台 · IP 地址 · 虚拟ID'),
        text('the group’s members'),
        text('权重 x 2'),
      ],
      'zh-CN',
    );
    expect(found.map((f) => f.word)).toEqual(['backend', 'servers', 'the', 'group', 'members']);
    expect(found[0]).toMatchObject({ text: '添加 backend servers 到 dev-pool', source: 'text' });
  });

  it('takes more allowed words (seed names, for one)', () => {
    expect(wrongLanguage([text('成员 alice 和 bob')], 'zh-CN', ['alice', 'bob'])).toEqual([]);
  });

  it('on an English page: Chinese text, but the language menu’s own name', () => {
    const found = wrongLanguage([text('Language: English 简体中文'), text('Add 服务器 to the group')], 'en');
    expect(found.map((f) => f.word)).toEqual(['服务器']);
  });
});
