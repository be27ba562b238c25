/* global window, document, requestAnimationFrame, MutationObserver */
// In-page instrumentation, installed with context.addInitScript before any of the console's code runs.
// Timings are taken inside the page, on the page's own clock (performance.now(), event.timeStamp), so
// that Playwright's polling and the DevTools round trips are not part of any figure:
//   start: navigation start (0), or the timeStamp of the next trusted keydown / click;
//   end:   the first DOM state where a predicate holds (MutationObserver), then the next frame
//          (requestAnimationFrame + a task): "painted".
// Predicates find controls by their accessible names (aria-label, aria-labelledby, <label>), as the
// e2e tests do. This function must stay self-contained: Playwright sends its source to the page.

export function probe() {
  const norm = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
  const visible = (el) => !!el && el.getClientRects().length > 0;

  function labelled(name) {
    for (const el of document.querySelectorAll('[aria-label]'))
      if (norm(el.getAttribute('aria-label')) === name && visible(el)) return el;
    for (const el of document.querySelectorAll('[aria-labelledby]')) {
      const ids = el.getAttribute('aria-labelledby').split(/\s+/);
      const text = norm(ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
      if (text === name && visible(el)) return el;
    }
    for (const label of document.querySelectorAll('label')) {
      if (norm(label.textContent).replace(/\s*\*$/, '') !== name) continue;
      const control = label.htmlFor
        ? document.getElementById(label.htmlFor)
        : label.querySelector('input, textarea, select');
      if (visible(control)) return control;
    }
    return null;
  }

  const usable = (el) =>
    !!el && visible(el) && !el.disabled && el.getAttribute('aria-disabled') !== 'true' && !el.readOnly;

  const predicates = {
    /** The login form can be used: name, password and its submit button, in either language. */
    loginUsable: () => {
      const form = document.querySelector('form');
      return (
        usable(form?.querySelector('button[type=submit]')) &&
        usable(form?.querySelector('input[autocomplete=username]')) &&
        usable(form?.querySelector('input[autocomplete=current-password]'))
      );
    },
    enabled: (name) => usable(labelled(name)),
    present: (name) => !!labelled(name),
    /** The open listbox shows at least one option, each containing the text (new results, not stale). */
    optionsContain: (text) => {
      const options = [...document.querySelectorAll('[role=option]')].filter(visible);
      const t = text.toLowerCase();
      return options.length > 0 && options.every((o) => norm(o.textContent).toLowerCase().includes(t));
    },
    optionsShown: () => [...document.querySelectorAll('[role=option]')].some(visible),
    tableRowContains: (table, text) => {
      const el = labelled(table);
      return !!el && [...el.querySelectorAll('tbody tr')].some((tr) => norm(tr.textContent).includes(text));
    },
  };

  function test(spec) {
    if (spec.all) return spec.all.every(test);
    const fn = predicates[spec.pred];
    if (!fn) throw new Error(`no predicate ${spec.pred}`);
    return fn(...(spec.args ?? []));
  }

  const watches = new Map();

  /**
   * Starts watching for `spec`; the time runs from `start`: 'navigation' (0), 'now', or the next
   * trusted 'keydown' / 'click'. The predicate is only tested once the time runs.
   */
  function watch(name, spec, start) {
    let resolve;
    const done = new Promise((r) => (resolve = r));
    const w = { spec, start: undefined, done, resolve, observer: undefined, finished: false };
    watches.set(name, w);
    const check = () => {
      if (w.finished || w.start === undefined) return;
      let ok;
      try {
        ok = test(spec);
      } catch (e) {
        w.finished = true;
        w.observer?.disconnect();
        resolve({ error: String(e) });
        return;
      }
      if (!ok) return;
      w.finished = true;
      w.observer?.disconnect();
      const dom = performance.now();
      requestAnimationFrame(() =>
        setTimeout(() => resolve({ start: w.start, dom, paint: performance.now() }), 0),
      );
    };
    const begin = (t) => {
      w.start = t;
      w.observer = new MutationObserver(check);
      w.observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      check();
    };
    if (start === 'navigation') begin(0);
    else if (start === 'now') begin(performance.now());
    else {
      const onEvent = (e) => {
        if (!e.isTrusted) return;
        window.removeEventListener(start, onEvent, true);
        begin(e.timeStamp);
      };
      window.addEventListener(start, onEvent, true);
    }
  }

  function wait(name, timeoutMs) {
    const w = watches.get(name);
    if (!w) return Promise.resolve({ error: `no watch ${name}` });
    return Promise.race([
      w.done,
      new Promise((r) =>
        setTimeout(
          () => r({ error: `timed out after ${timeoutMs} ms (time started: ${w.start !== undefined})` }),
          timeoutMs,
        ),
      ),
    ]).finally(() => w.observer?.disconnect());
  }

  /** ZStack API requests (resource timing) that started within [from, to], on the page's clock. */
  function requests(from, to) {
    return performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('/zstack/') && e.startTime >= from && e.startTime <= to)
      .map((e) => ({ path: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd }));
  }

  // room for every request of a long session (the default buffer holds 250)
  performance.setResourceTimingBufferSize(100_000);
  window.__bench = { watch, wait, test, requests };
  // The first figure of every page load: navigation to a usable login form.
  if (window.location.pathname === '/login') watch('loginUsable', { pred: 'loginUsable' }, 'navigation');
}
