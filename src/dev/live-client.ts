/**
 * The browser side of live reload, served at `<base>/__migrant/live.js` and
 * injected into pages by `serve --watch` only. It reloads a page when a
 * rebuild changed it or one of its scripts, swaps changed stylesheets, and
 * shows a build error in an overlay until the server says the build is fixed
 * (see LiveMessage in live-reload.ts).
 */
export function liveClientScript(basePath: string): string {
  return `(() => {
  const base = ${JSON.stringify(basePath)};
  const here = () => decodeURI(location.pathname).slice(base.length - 1) || '/';
  let overlay;
  const hide = () => { if (overlay) { overlay.remove(); overlay = undefined; } };
  const show = (text) => {
    hide();
    overlay = document.createElement('div');
    overlay.id = '__migrant-error';
    overlay.setAttribute('role', 'alert');
    overlay.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:rgba(20,20,20,.92);color:#fff;padding:2rem;overflow:auto;font:14px/1.5 ui-monospace,monospace';
    const title = document.createElement('strong');
    title.textContent = 'Build failed: the last good version of the site is still served.';
    const pre = document.createElement('pre');
    pre.style.whiteSpace = 'pre-wrap';
    pre.textContent = text;
    overlay.append(title, pre);
    document.body.append(overlay);
  };
  const events = new EventSource(base + '__migrant/events');
  events.onopen = () => { document.documentElement.dataset.liveReload = 'connected'; };
  events.onmessage = (event) => {
    const message = JSON.parse(event.data);
    if (message.type === 'error') return show(message.text);
    if (message.type === 'fixed') return hide();
    const page = here();
    const pageChanged = message.urls.includes(page) || message.urls.includes(page + 'index.html');
    const css = message.urls.filter((url) => url.endsWith('.css'));
    const local = (src) => new URL(src, location.href).pathname.slice(base.length - 1);
    const scriptChanged = [...document.scripts].some((s) => s.src && message.urls.includes(local(s.src)));
    if (pageChanged || scriptChanged) return location.reload();
    for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
      if (css.includes(local(link.href))) link.href = link.href.replace(/[?].*$/, '') + '?v=' + Date.now();
    }
  };
})();
`;
}
