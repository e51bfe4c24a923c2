// Lets Voila's tab-close beacon end this page's kernel (voila issue 1458).
// When a tab closes or reloads, Voila posts /voila/api/shutdown/<kernel> with the `_xsrf` cookie's value
// in the body. Voila never sets that cookie, so the server refused every beacon (403) and each visit
// left an 80 MB kernel behind. Here the page sets it: a random value that only this site's pages can
// read or write (the double-submit cookie that Tornado checks). No network request is involved.
(function () {
  if (/(^|;\s*)_xsrf=/.test(document.cookie)) return;
  const bytes = new Uint8Array(16);
  window.crypto.getRandomValues(bytes);
  const token = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  document.cookie = "_xsrf=" + token + "; path=/; SameSite=Strict";
})();
