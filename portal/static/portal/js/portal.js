// Progressive enhancement only: every page works without this script.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // Mobile menu: collapsed behind a button that says whether it is open.
  var toggle = document.querySelector(".nav-toggle");
  var nav = document.getElementById("menu-principal");
  if (toggle && nav) {
    var mobile = window.matchMedia("(max-width: 50rem)");
    var sync = function () {
      if (mobile.matches) {
        nav.setAttribute("data-collapsed", toggle.getAttribute("aria-expanded") === "true" ? "false" : "true");
      } else {
        nav.removeAttribute("data-collapsed");
      }
    };
    toggle.addEventListener("click", function () {
      toggle.setAttribute("aria-expanded", toggle.getAttribute("aria-expanded") === "true" ? "false" : "true");
      sync();
    });
    mobile.addEventListener("change", sync);
    sync();
  }

  // A confirmation shown where the user acted (e.g. after « Signaler une erreur ») takes the focus, so it
  // is in view and read out.
  var confirmation = document.querySelector("[data-focus-on-load]");
  if (confirmation) {
    confirmation.focus();
  }

  // Dossier sections: open or close them all, and print the whole sheet.
  document.querySelectorAll("[data-toggle-sections]").forEach(function (button) {
    button.addEventListener("click", function () {
      var open = button.getAttribute("data-toggle-sections") === "open";
      document.querySelectorAll("details.dossier-section, details.qa").forEach(function (d) { d.open = open; });
    });
  });
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
})();
