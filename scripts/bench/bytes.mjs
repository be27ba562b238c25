// Sizes of the built console: raw bytes and gzip (zlib level 9, as a static server would precompress),
// per file, for the first page and for the whole app.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function fileSize(outDir, file) {
  const data = readFileSync(join(outDir, file));
  return { file, raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
}

export function total(sizes) {
  return sizes.reduce((t, s) => ({ raw: t.raw + s.raw, gzip: t.gzip + s.gzip, files: t.files + 1 }), {
    raw: 0,
    gzip: 0,
    files: 0,
  });
}

/** Files the entry (index.html) loads before any dynamic import: its static import closure and CSS. */
export function manifestFirstPage(outDir) {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8'));
  const files = new Set();
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  return [...files];
}

export function allAssets(outDir) {
  return readdirSync(join(outDir, 'assets'))
    .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
    .map((f) => `assets/${f}`);
}

/** The message catalogues among `files`, as "<locale>/<part>" (from the manifest's source paths). */
export function cataloguesIn(outDir, files) {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8'));
  const out = [];
  for (const [src, chunk] of Object.entries(manifest)) {
    const m = /i18n\/locales\/([^/]+)\/([^/.]+)\.json/.exec(src);
    if (m && files.includes(chunk.file)) out.push(`${m[1]}/${m[2]}`);
  }
  return out.sort();
}
