// After a refused submission, move focus to the error summary so screen readers announce it.
(function () {
  "use strict";
  var summary = document.getElementById("erreurs");
  if (summary) {
    summary.focus();
  }
})();
