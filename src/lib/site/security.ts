/**
 * The Content-Security-Policy of every page: nothing is loaded from outside
 * the site, scripts only from the site's own files (so no inline script and
 * no inline event handler runs, whatever a data file smuggles in), styles
 * inline because the charts carry their own.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  // The search page loads its index as scripts of the site's own (src/browser/searchPage.ts).
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
