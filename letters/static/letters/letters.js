// After each screen of a model letter, put the focus on what changed: the errors, or the new step's heading.
(function () {
  "use strict";
  var tool = document.querySelector("[data-focus]");
  var target = tool && document.getElementById(tool.getAttribute("data-focus"));
  if (target) {
    target.focus();
  }
})();
