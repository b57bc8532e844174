// Progressive enhancement only: every page works without this file.
(function () {
  var d = document;

  // Mobile menu: open in the HTML; .js-menu lets the CSS collapse it on small screens.
  var toggle = d.querySelector('.menu-toggle');
  var menu = toggle && d.getElementById(toggle.getAttribute('aria-controls'));
  if (menu) {
    toggle.hidden = false;
    menu.classList.add('js-menu');
    toggle.addEventListener('click', function () {
      var open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      menu.classList.toggle('is-open', open);
    });
  }

  // Search box: the header's search link opens it where <dialog> works; elsewhere the link leads to the search page.
  // Submitting the form goes to the search page with ?q=; Esc closes the dialog natively.
  var searchOpen = d.querySelector('[data-search-open]');
  var searchBox = d.getElementById('search-dialog');
  if (searchOpen && searchBox && typeof searchBox.showModal === 'function') {
    var searchInput = searchBox.querySelector('input[name="q"]');
    searchOpen.setAttribute('aria-haspopup', 'dialog');
    searchOpen.addEventListener('click', function (event) {
      event.preventDefault();
      searchBox.showModal();
      searchInput.focus();
    });
    // The dialog itself is only hit outside its inner box, on the backdrop.
    searchBox.addEventListener('click', function (event) {
      if (event.target === searchBox) searchBox.close();
    });
    searchBox.querySelector('[data-search-close]').addEventListener('click', function () { searchBox.close(); });
  }

  // Copy Link: the Clipboard API needs a secure context; older browsers get execCommand.
  // Its messages come from the page, in the page's language.
  var status = d.querySelector('[data-copy-status]');
  var copied = (status && status.getAttribute('data-copied')) || 'Link copied';
  var copyPrompt = (status && status.getAttribute('data-copy-prompt')) || 'Copy this link:';
  function announce(text) {
    if (!status) return;
    status.textContent = '';
    setTimeout(function () { status.textContent = text; }, 50);
  }
  function fallbackCopy(url) {
    var field = d.createElement('textarea');
    field.value = url;
    field.setAttribute('readonly', '');
    field.style.position = 'fixed';
    field.style.opacity = '0';
    d.body.appendChild(field);
    field.select();
    var ok = false;
    try { ok = d.execCommand('copy'); } catch (e) { ok = false; }
    d.body.removeChild(field);
    if (ok) announce(copied);
    else window.prompt(copyPrompt, url);
  }
  var buttons = d.querySelectorAll('[data-copy-url]');
  Array.prototype.forEach.call(buttons, function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      var url = button.getAttribute('data-copy-url');
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(function () { announce(copied); }, function () { fallbackCopy(url); });
      } else {
        fallbackCopy(url);
      }
    });
  });
})();
