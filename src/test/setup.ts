import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { setSessionId } from '../api/session';
import { activate, i18n, requirePart } from '../i18n/i18n';

// Mantine needs these browser APIs that jsdom lacks (a test in the node environment has no window).
if (typeof window !== 'undefined') installBrowserStubs();

function installBrowserStubs() {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: vi.fn().mockImplementation((query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: vi.fn(),
      removeListener: vi.fn(),
      addEventListener: vi.fn(),
      removeEventListener: vi.fn(),
      dispatchEvent: vi.fn(),
    })),
  });

  class ResizeObserverStub {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  window.ResizeObserver = ResizeObserverStub;
  window.HTMLElement.prototype.scrollIntoView = () => {};
}

// Unit tests run logged in, as the pages do; a test of the logged-out case clears it.
beforeEach(() => {
  if (typeof window !== 'undefined') setSessionId('5e55'.repeat(8));
});

// Every test renders in English with every part of the catalogue, as after a login (not in node tests).
if (typeof window !== 'undefined') {
  await activate('en');
  await requirePart('app');
  await requirePart('traffic');
}

afterEach(async () => {
  if (typeof window === 'undefined') return;
  cleanup();
  sessionStorage.clear();
  localStorage.clear();
  if (i18n.locale !== 'en') await activate('en');
});
