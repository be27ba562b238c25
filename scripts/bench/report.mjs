// Collects figures, prints one line each as they come, and the summary of targets at the end.
import { fmt, meets, summarize, targetText } from './stats.mjs';

export class Report {
  constructor(previous) {
    this.figures = [];
    this.errors = [];
    this.previous = new Map((previous?.figures ?? []).map((f) => [f.name, f]));
  }

  prevText(name, unit) {
    const p = this.previous.get(name);
    if (!p || !Number.isFinite(p.value)) return '';
    return ` (prev ${fmt(p.value, unit)})`;
  }

  /** Repeated measurements: median and spread; the target applies to the median. */
  series(name, values, unit, target, note = '') {
    const s = summarize(values);
    const ok = meets(s.median, target);
    const f = { name, unit, value: s.median, summary: s, target, ok, note };
    this.figures.push(f);
    const spread = ['p25', 'p75', 'min', 'max'].map((k) => `${k}=${fmt(s[k], unit)}`).join(' ');
    console.log(
      `${name} median=${fmt(s.median, unit)} ${spread} n=${s.n}` +
        (target ? ` ${targetText(target, unit)} ${ok ? 'OK' : 'MISSED'}` : '') +
        (note ? ` ${note}` : '') +
        this.prevText(name, unit),
    );
    return f;
  }

  /** One value (sizes, counts over the whole run). */
  value(name, value, unit, target, note = '') {
    const ok = meets(value, target);
    const f = { name, unit, value, target, ok, note };
    this.figures.push(f);
    console.log(
      `${name} ${fmt(value, unit)}` +
        (target ? ` ${targetText(target, unit)} ${ok ? 'OK' : 'MISSED'}` : '') +
        (note ? ` ${note}` : '') +
        this.prevText(name, unit),
    );
    return f;
  }

  /** Where the median run's time went (see breakdown() in scenarios.mjs): medians of each part. */
  parts(name, parts) {
    if (!parts.length) return;
    const m = (k) => summarize(parts.map((p) => p[k])).median;
    console.log(
      `  ${name} breakdown (medians): start to first API request ${fmt(m('before'), 'ms')}, ` +
        `API requests in flight ${fmt(m('network'), 'ms')} (${fmt(m('requests'), 'count')} requests in ${fmt(m('roundTrips'), 'count')} round trips), ` +
        `last answer to painted ${fmt(m('after'), 'ms')}`,
    );
  }

  error(name, e) {
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    this.errors.push({ name, message });
    console.log(`${name} ERROR ${message}`);
  }

  summary() {
    const targeted = this.figures.filter((f) => f.target);
    const missed = targeted.filter((f) => !f.ok);
    console.log('');
    console.log(
      `summary: ${targeted.length} targets, ${targeted.length - missed.length} met, ${missed.length} missed` +
        (this.errors.length ? `, ${this.errors.length} not measured` : ''),
    );
    for (const f of missed)
      console.log(`  MISSED ${f.name} ${fmt(f.value, f.unit)} ${targetText(f.target, f.unit)}`);
    for (const e of this.errors) console.log(`  ERROR  ${e.name}: ${e.message}`);
    // The slowest figure against its target: the one to work on next.
    const timed = targeted.filter((f) => f.unit === 'ms' && Number.isFinite(f.value));
    const worst = timed.sort((a, b) => b.value / b.target.value - a.value / a.target.value)[0];
    if (worst) {
      console.log(
        `  slowest against its target: ${worst.name} ${fmt(worst.value, 'ms')} = ${Math.round((100 * worst.value) / worst.target.value)}% of ${fmt(worst.target.value, 'ms')}`,
      );
    }
    return { missed: missed.length, errors: this.errors.length };
  }

  toJSON() {
    return { figures: this.figures, errors: this.errors };
  }
}
