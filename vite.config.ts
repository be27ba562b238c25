import { randomBytes } from 'node:crypto';
import { defineConfig, loadEnv, type Connect, type Plugin, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';
import { lingui } from '@lingui/vite-plugin';
import { zstackSimulator } from './sim/vite-plugin.ts';

/**
 * The browser security headers of the console, the same in dev, preview and the documented nginx config
 * (README). Mantine sets inline styles, hence style-src 'unsafe-inline'; scripts only from this origin.
 */
export function securityHeaders(scriptExtra = ''): Record<string, string> {
  return {
    'Content-Security-Policy': [
      "default-src 'self'",
      `script-src 'self'${scriptExtra}`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'self'",
    ].join('; '),
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
  };
}

// Vite's dev server injects one inline script (React Fast Refresh's preamble); in dev only, it carries
// this nonce so that the same CSP applies. A new one each time the config is loaded, i.e. each server
// start (and restart): a page cannot know it in advance. Builds have no inline script at all.
const devNonce = randomBytes(18).toString('base64');

function securityHeadersPlugin(): Plugin {
  const use =
    (headers: Record<string, string>): Connect.NextHandleFunction =>
    (_req, res, next) => {
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      next();
    };
  return {
    name: 'console-security-headers',
    configureServer(server) {
      server.middlewares.use(use(securityHeaders(` 'nonce-${devNonce}'`)));
    },
    configurePreviewServer(server) {
      server.middlewares.use(use(securityHeaders()));
    },
  };
}

// One origin for the console and the ZStack API: ZStack has no CORS support, so the browser must
// reach /zstack through this server. Without ZSTACK_API_URL the built-in simulator answers there.
export default defineConfig(({ mode, command }) => {
  const env = { ...loadEnv(mode, process.cwd(), ''), ...process.env };
  const apiUrl = env.ZSTACK_API_URL?.trim();
  const port = Number(env.PORT) || 5173;
  const proxy: Record<string, ProxyOptions> | undefined = apiUrl
    ? { '/zstack': { target: apiUrl, changeOrigin: true, ws: false } }
    : undefined;
  // Vite answers only IP addresses and localhost names (its guard against DNS rebinding); another name
  // the console is served under, e.g. for the plain-http journey, is listed in CONSOLE_ALLOWED_HOSTS.
  const extraHosts = (env.CONSOLE_ALLOWED_HOSTS ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  const allowedHosts = extraHosts.length ? extraHosts : undefined;

  return {
    // Unit tests (Vitest) need neither the simulator nor a proxy.
    // lingui(): compiles the message catalogues (lingui.config.ts) on import; a message missing in a
    // locale or not valid ICU fails the build.
    plugins: [
      react(),
      lingui({ failOnMissing: true, failOnCompileError: true }),
      securityHeadersPlugin(),
      ...(apiUrl || process.env.VITEST ? [] : [zstackSimulator()]),
    ],
    html: command === 'serve' && !process.env.VITEST ? { cspNonce: devNonce } : undefined,
    // No CORS: a management node answers no preflight, and no other origin may call /zstack or /__sim.
    server: { host: '127.0.0.1', port, strictPort: true, proxy, cors: false, allowedHosts },
    preview: { host: '127.0.0.1', port, strictPort: true, proxy, cors: false, allowedHosts },
    // CONSOLE_OUT_DIR lets parallel test runs build and preview without sharing dist/.
    build: {
      target: 'es2022',
      sourcemap: false,
      outDir: env.CONSOLE_OUT_DIR || 'dist',
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              // One vendor chunk for what every page, the first included, runs: React and the router,
              // react-hook-form, Lingui's core, Mantine's core (theme, Box, styles) and the console's i18n
              // modules. It changes far less
              // often than the console, so it stays in the browser's cache across releases; one file
              // compresses better than the four the default split makes of it.
              {
                name: 'base',
                test: (id) =>
                  /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|react-hook-form|@lingui[\\/]core|clsx)[\\/]/.test(
                    id,
                  ) ||
                  /[\\/]node_modules[\\/]@mantine[\\/]core[\\/]esm[\\/]core[\\/]/.test(id) ||
                  /preload-helper/.test(id) ||
                  /[\\/]src[\\/]i18n[\\/](i18n|locale|catalogues|react)\.tsx?$/.test(id),
              },
            ],
          },
        },
      },
    },
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            // e2e/*.test.ts: unit tests of the Playwright suites' helpers (Playwright runs *.spec.ts)
            include: ['src/**/*.test.{ts,tsx}', 'e2e/**/*.test.ts'],
            environment: 'jsdom',
            globals: true,
            setupFiles: ['./src/test/setup.ts'],
            // Rendering a few hundred Mantine rows in jsdom takes 1–2 s alone and several times that on
            // two busy cores: 5 s (the default) fails on load, not on behaviour.
            testTimeout: 20_000,
          },
        },
        {
          extends: true,
          test: {
            name: 'sim',
            include: ['sim/**/*.test.ts'],
            environment: 'node',
            globals: true,
          },
        },
      ],
    },
  };
});
