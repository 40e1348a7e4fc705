// After each screen of a model letter, put the focus on what changed: the errors, or the new step's heading.
// Again once the page has loaded: the form's address ends with #etape (where a browser without scripts
// lands), and the browser's own move to that anchor must not take the focus from the errors.
(function () {
  "use strict";
  function place() {
    var tool = document.querySelector("[data-focus]");
    var target = tool && document.getElementById(tool.getAttribute("data-focus"));
    if (target && document.activeElement !== target) {
      target.focus();
    }
  }
  place();
  window.addEventListener("load", function () {
    window.setTimeout(place, 0);
  });
})();
