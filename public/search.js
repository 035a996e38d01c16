// Starts the Pagefind search box, showing the reader's own edition. Browsers do not let a page
// opened with file:// fetch the index, so there the page keeps its note: how to serve the site
// (npm run preview), and the other ways in.
(function () {
  var note = document.getElementById('search-unavailable');
  if (location.protocol === 'file:' || typeof window.PagefindUI !== 'function') return;
  var box = document.getElementById('search');
  // Results link under the folder the site is served from, at any depth; the Traditional
  // edition's search page sits one folder below the site's root.
  var root = document.documentElement.lang === 'zh-Hant' ? '../' : './';
  // The box's words come with the page, so the Traditional edition's page brings them in Traditional.
  var labels = box.getAttribute('data-labels');
  var ui = new window.PagefindUI({ element: '#search', baseUrl: new URL(root, location.href).pathname, showSubResults: true, showImages: false, translations: labels ? JSON.parse(labels) : {} });
  if (note) note.hidden = true;

  // The page's own edition facet, as every page of its edition carries it: 版本:简体, or 版本:繁體
  // in the Traditional edition (src/layouts/Frame.astro, src/lib/site/traditionalPage.ts).
  var facet = (document.querySelector('[data-edition]') || box).getAttribute('data-pagefind-filter') || '';
  var colon = facet.indexOf(':');
  if (colon < 1) return;
  var edition = facet.slice(0, colon);
  var only = function (value) {
    var filters = {};
    filters[edition] = value;
    return filters;
  };
  // Results are of the edition the reader is in until they choose another.
  ui.triggerFilters(only(facet.slice(colon + 1)));
  // An edition is one choice: choosing the other leaves the first. Pagefind would look for pages
  // in both at once, and there are none. Choosing none shows both editions.
  box.addEventListener('change', function (event) {
    var input = event.target;
    if (input.name !== edition || !input.checked) return;
    var filters = only(input.value);
    box.querySelectorAll('.pagefind-ui__filter-checkbox:checked').forEach(function (other) {
      if (other.name !== edition) (filters[other.name] = filters[other.name] || []).push(other.value);
    });
    ui.triggerFilters(filters);
  });

  // Pagefind counts a value as if it were chosen besides the chosen one: 0 beside the reader's
  // edition, since no page is in both. Choosing it replaces the chosen one here, so that 0 would
  // mislead: an edition not chosen while another is shows no count.
  var uncounted = function () {
    var choices = [].slice.call(box.querySelectorAll('.pagefind-ui__filter-value')).filter(function (value) {
      var input = value.querySelector('.pagefind-ui__filter-checkbox');
      return input && input.name === edition;
    });
    var chosen = choices.some(function (value) {
      return value.querySelector('.pagefind-ui__filter-checkbox').checked;
    });
    choices.forEach(function (value) {
      var label = value.querySelector('.pagefind-ui__filter-label');
      // Pagefind UI writes a label as four texts: the value, ' (', the count and ')'.
      var parts = label ? label.childNodes : [];
      if (parts.length !== 4) return;
      if (parts[2].data) label.setAttribute('data-count', parts[2].data);
      var unsaid = chosen && !value.querySelector('.pagefind-ui__filter-checkbox').checked;
      var texts = unsaid ? ['', '', ''] : [' (', label.getAttribute('data-count') || '', ')'];
      for (var i = 0; i < 3; i++) if (parts[i + 1].data !== texts[i]) parts[i + 1].data = texts[i];
    });
  };
  // Pagefind UI marks a chosen value's class, and rewrites the counts, on every search.
  new MutationObserver(uncounted).observe(box, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['class'] });
})();
