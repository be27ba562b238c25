import type { ReactNode } from 'react';
import { act, renderHook } from '@testing-library/react';
import { useFormat } from './format';
import { activate } from './i18n';
import { I18nProvider } from './react';

const wrapper = ({ children }: { children: ReactNode }) => <I18nProvider>{children}</I18nProvider>;

describe('useFormat', () => {
  it('formats numbers, shares, dates and lists for the active locale, and follows a switch', async () => {
    const { result } = renderHook(() => useFormat(), { wrapper });
    const when = new Date(2026, 11, 1, 9, 5);
    expect(result.current.number(1234567.5)).toBe('1,234,567.5');
    expect(result.current.percent(0.714)).toBe('71.4%');
    expect(result.current.dateTime(when)).toBe('Dec 1, 2026, 9:05 AM');
    expect(result.current.list(['alice', 'bob'])).toBe('alice and bob');

    await act(() => activate('zh-CN'));
    expect(result.current.percent(0.714)).toBe('71.4%');
    expect(result.current.dateTime(when)).toBe('2026年12月1日 09:05');
    expect(result.current.list(['alice', 'bob'])).toBe('alice和bob');
  });
});
