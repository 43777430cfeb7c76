// The launch answered with this page: the browser's history holds the page's own address instead of the
// launch's POST, so reloading or going back asks for the page, not for the spent launch again.
(function () {
  var script = document.currentScript;
  var url = script && script.getAttribute('data-url');
  if (url && window.history && window.history.replaceState) {
    window.history.replaceState(null, '', url);
  }
})();
