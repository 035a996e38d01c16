// Starts the Pagefind search box. Browsers do not let a page opened with file:// fetch the
// index, so there the page keeps its note and offers the other ways in.
(function () {
  var note = document.getElementById('search-unavailable');
  if (location.protocol === 'file:' || typeof window.PagefindUI !== 'function') return;
  // Results link under the folder the site is served from, at any depth; the Traditional
  // edition's search page sits one folder below the site's root.
  var root = document.documentElement.lang === 'zh-Hant' ? '../' : './';
  // The box's words come with the page, so the Traditional edition's page brings them in Traditional.
  var labels = document.getElementById('search').getAttribute('data-labels');
  new window.PagefindUI({ element: '#search', baseUrl: new URL(root, location.href).pathname, showSubResults: true, showImages: false, translations: labels ? JSON.parse(labels) : {} });
  if (note) note.hidden = true;
})();
