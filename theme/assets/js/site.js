// Progressive enhancement only: every page works without this file.
(function () {
  var d = document;

  // Phone menu: an off-canvas panel (the CSS shows the toggle where it applies). Focus moves into the panel
  // and back to the toggle; Esc, the close button or a click outside closes it.
  var toggle = d.querySelector('.menu-toggle');
  var panel = toggle && d.getElementById(toggle.getAttribute('aria-controls'));
  if (panel) {
    var closeButton = panel.querySelector('[data-menu-close]');
    var setOpen = function (open) {
      toggle.setAttribute('aria-expanded', String(open));
      panel.classList.toggle('is-open', open);
      (open ? closeButton : toggle).focus();
    };
    toggle.addEventListener('click', function () { setOpen(toggle.getAttribute('aria-expanded') !== 'true'); });
    closeButton.addEventListener('click', function () { setOpen(false); });
    d.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && panel.classList.contains('is-open')) setOpen(false);
    });
    d.addEventListener('click', function (event) {
      if (panel.classList.contains('is-open') && !panel.contains(event.target) && !toggle.contains(event.target)) setOpen(false);
    });
  }

  // Trending strip: the buttons scroll it by most of its width; links stay reachable by Tab and swipe without them.
  var strip = d.querySelector('[data-trending]');
  Array.prototype.forEach.call(d.querySelectorAll('[data-trending-step]'), function (button) {
    button.addEventListener('click', function () {
      var step = Number(button.getAttribute('data-trending-step'));
      var rtl = getComputedStyle(strip).direction === 'rtl' ? -1 : 1;
      strip.scrollBy({ left: step * rtl * strip.clientWidth * 0.8, behavior: 'smooth' });
    });
  });

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
  // Each share bar announces in its own status line; its messages come from the page, in the page's language.
  function statusOf(button) {
    var bar = button.closest('.share');
    return bar && bar.querySelector('[data-copy-status]');
  }
  function copyPrompt(button) {
    var status = statusOf(button);
    return (status && status.getAttribute('data-copy-prompt')) || 'Copy this link:';
  }
  function announceCopied(button) {
    var status = statusOf(button);
    if (!status) return;
    var text = status.getAttribute('data-copied') || 'Link copied';
    status.textContent = '';
    setTimeout(function () { status.textContent = text; }, 50);
  }
  function fallbackCopy(button, url) {
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
    if (ok) announceCopied(button);
    else window.prompt(copyPrompt(button), url);
  }
  var buttons = d.querySelectorAll('[data-copy-url]');
  Array.prototype.forEach.call(buttons, function (button) {
    button.addEventListener('click', function () {
      var url = button.getAttribute('data-copy-url');
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(function () { announceCopied(button); }, function () { fallbackCopy(button, url); });
      } else {
        fallbackCopy(button, url);
      }
    });
  });
})();
