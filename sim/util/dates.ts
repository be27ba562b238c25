const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ZStack's wire format for timestamps: Java's default US DateFormat in server local time, e.g. "Jan 6, 2017 3:51:16 AM". */
export function zstackDate(ms: number): string {
  const d = new Date(ms);
  const h = d.getHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const mm = String(d.getMinutes()).padStart(2, '0');
  const ss = String(d.getSeconds()).padStart(2, '0');
  return `${MONTHS[d.getMonth()] ?? ''} ${d.getDate()}, ${d.getFullYear()} ${h12}:${mm}:${ss} ${h < 12 ? 'AM' : 'PM'}`;
}

/** java.sql.Timestamp.valueOf: "yyyy-[m]m-[d]d hh:mm:ss[.f...]" in local time; undefined when it does not parse. */
export function parseTimestamp(s: string): number | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/.exec(s.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, se, frac] = m;
  const ms = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
  const t = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se), ms).getTime();
  return Number.isNaN(t) ? undefined : t;
}
