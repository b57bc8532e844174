// The search page's results, from the Pagefind index built with the site.
// Without JavaScript, or if pagefind-ui.js did not load, the plain form and
// the note pointing to the tag and category indexes stay in place.
(function () {
  var d = document;
  var mount = d.getElementById('search');
  if (!mount || typeof window.PagefindUI !== 'function') return;
  Array.prototype.forEach.call(d.querySelectorAll('[data-search-fallback]'), function (el) { el.hidden = true; });
  // Both paths come from the page, so a site published under /news/ finds its index and links its results.
  var ui = new window.PagefindUI({
    element: '#search',
    showImages: false,
    bundlePath: mount.getAttribute('data-bundle-path'),
    baseUrl: mount.getAttribute('data-base-url')
  });
  labelSearchInput(mount);
  var query = new URLSearchParams(window.location.search).get('q');
  if (query) ui.triggerSearch(query);

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
