import type { SiteConfig } from '../config/schema.js';
import { searchEngines } from '../config/search-fallback.js';
import { toSiteUrl } from '../paths/site-urls.js';
import type { GeneratedFile } from './generated-file.js';

// `/_headers` (Netlify and Cloudflare Pages read it; the dev server sends the
// same): security headers for every response, a year of caching for theme
// assets, whose names change with their content. HTML keeps the hosts' default
// (revalidate on every visit): a second Cache-Control rule on `/*` would be
// merged with the assets' one on Cloudflare Pages.

/** The Content-Security-Policy the theme and Pagefind need, and nothing more. */
export function contentSecurityPolicy(config: Pick<SiteConfig, 'newsletter' | 'markdown' | 'search'>): string {
  const formTargets = [
    "'self'",
    ...(config.newsletter ? [new URL(config.newsletter.action).origin] : []),
    ...(config.search.enabled && config.search.fallback ? [new URL(searchEngines[config.search.fallback].action).origin] : []),
  ];
  return [
    "default-src 'self'",
    // Pagefind compiles its WebAssembly search and runs it in a worker.
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",
    "style-src 'self'",
    // Articles may show images from other sites.
    "img-src 'self' data: https:",
    "media-src 'self' https:",
    // Embeds that articles may show (markdown.embedHosts), and nothing else.
    `frame-src ${config.markdown.embedHosts.length > 0 ? config.markdown.embedHosts.map((h) => `https://${h}`).join(' ') : "'none'"}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${formTargets.join(' ')}`,
    "frame-ancestors 'self'",
  ].join('; ');
}

export const securityHeaders = (config: Pick<SiteConfig, 'newsletter' | 'markdown' | 'search'>): Record<string, string> => ({
  'Content-Security-Policy': contentSecurityPolicy(config),
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Content-Type-Options': 'nosniff',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
});

export const immutable = 'public, max-age=31536000, immutable';

export function renderHeaders(config: SiteConfig): GeneratedFile {
  const rule = (path: string, headers: Record<string, string>) => [path, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n');
  const data = [
    rule(toSiteUrl('/*', config.baseUrl), securityHeaders(config)),
    rule(toSiteUrl('/assets/*', config.baseUrl), { 'Cache-Control': immutable }),
  ].join('\n\n');
  return { url: '/_headers', data: `${data}\n`, origin: 'headers file' };
}
