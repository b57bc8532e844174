// The search page's results, from the Pagefind index built with the site.
// Without JavaScript, or if pagefind-ui.js or the chunk list did not load, the
// plain form and the note pointing to the tag and category indexes stay in place.
(function () {
  var d = document;
  var mount = d.getElementById('search');
  if (!mount || typeof window.PagefindUI !== 'function') return;
  // Both paths come from the page, so a site published under /news/ finds its index and links its results.
  var bundlePath = mount.getAttribute('data-bundle-path');
  var baseUrl = mount.getAttribute('data-base-url');
  // The index comes in chunks, each a Pagefind index in its own folder, listed in chunks.json with the word
  // index that keeps them exact. Pagefind's UI loads the bundle's pagefind.js, a module that searches them all as
  // one index (theme/pagefind/pagefind.js); nothing of them loads until the reader first searches (see README,
  // "Site search").
  fetch(bundlePath + 'chunks.json')
    .then(function (response) {
      if (!response.ok) throw new Error(response.status + ' ' + bundlePath + 'chunks.json');
      return response.json();
    })
    .then(function (manifest) {
      // A site without articles has nothing to search: the plain form and its note stay.
      if (manifest.chunks.length === 0) return;
      Array.prototype.forEach.call(d.querySelectorAll('[data-search-fallback]'), function (el) { el.hidden = true; });
      var ui = new window.PagefindUI({
        element: '#search',
        showImages: false,
        bundlePath: bundlePath,
        baseUrl: baseUrl,
        mergeIndex: manifest.chunks
          .map(function (folder) { return { bundlePath: bundlePath + folder, baseUrl: baseUrl, chunk: folder }; })
          .concat(manifest.words ? [{ bundlePath: bundlePath + manifest.words, baseUrl: baseUrl, words: true }] : [])
      });
      labelSearchInput(mount);
      var query = new URLSearchParams(window.location.search).get('q');
      if (query) ui.triggerSearch(query);
    })
    .catch(function (e) { console.warn('search stays a plain form: ' + e.message); });

  // Pagefind's input has only a title; it gets a real <label>, with the fallback form's words.
  function labelSearchInput(root) {
    var input = root.querySelector('input');
    var words = d.querySelector('label[for="search-q"]');
    if (!input || !words) return;
    input.id = 'search-input';
    var label = d.createElement('label');
    label.className = 'visually-hidden';
    label.htmlFor = input.id;
    label.textContent = words.textContent;
    input.parentNode.insertBefore(label, input);
  }
})();
