/**
 * The browser side of live reload, served at `<base>/__migrant/live.js` and
 * injected into pages by `serve --watch` only. It reloads a page when a
 * rebuild changed it (or its stylesheet: then only the stylesheet is swapped),
 * and shows build errors in an overlay until the next good build.
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
    hide();
    if (message.type !== 'reload') return;
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
