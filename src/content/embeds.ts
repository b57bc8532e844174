import type { Element, Properties } from 'hast';

// Video embeds: the only <iframe>s a page carries. They come from hosts the
// site lists (markdown.embedHosts), always over https, sandboxed (the player
// may run its own script in its own origin, never touch the page) and lazy.

export { defaultEmbedHosts } from '../config/schema.js';

const sandbox = 'allow-scripts allow-same-origin allow-presentation allow-popups';

/** The https URL of an embed from one of `hosts`, or undefined. Protocol-relative `//host/…` (common in old posts) counts as https. */
export function embedHostOf(src: string, hosts: readonly string[]): string | undefined {
  let url: URL;
  try {
    url = new URL(src.trim().startsWith('//') ? `https:${src.trim()}` : src.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  return hosts.includes(url.hostname.toLowerCase()) ? url.hostname : undefined;
}

/** The properties every kept embed gets, overriding what the author wrote. */
export function embedProperties(properties: Properties): Properties {
  const src = String(properties.src ?? '').trim();
  const https = src.startsWith('//') ? `https:${src}` : src.replace(/^http:/i, 'https:');
  return { src: https, sandbox: sandbox.split(' '), loading: 'lazy', allowFullScreen: true };
}

/** `{{< youtube id >}}` / `{% youtube id %}`: the video in a privacy-enhanced (no-cookie) player. */
export function videoEmbed(provider: 'youtube' | 'vimeo', id: string, title: string): Element {
  const src = provider === 'youtube' ? `https://www.youtube-nocookie.com/embed/${id}` : `https://player.vimeo.com/video/${id}`;
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: ['video-embed'] },
    children: [{ type: 'element', tagName: 'iframe', properties: { ...embedProperties({ src }), title: title || `${provider === 'youtube' ? 'YouTube' : 'Vimeo'} video` }, children: [] }],
  };
}

/** Video ids are letters, digits, `-` and `_` (YouTube) or digits (Vimeo): nothing that could leave the URL path. */
export function validVideoId(provider: 'youtube' | 'vimeo', id: string): boolean {
  return provider === 'youtube' ? /^[\w-]{6,20}$/.test(id) : /^\d{1,15}$/.test(id);
}
