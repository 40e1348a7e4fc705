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

  // List filters (includes/filters_toggle.html): on small screens they fold behind « Filtrer », which
  // says how many are active and lists them, so the results come first.
  var labelOf = function (control) {
    var label = control.id && document.querySelector('label[for="' + control.id + '"]');
    if (!label) return "";
    var copy = label.cloneNode(true);
    copy.querySelectorAll(".count").forEach(function (count) { count.remove(); });
    return copy.textContent.trim();
  };
  var activeFilters = function (form) {
    var active = [];
    form.querySelectorAll("fieldset").forEach(function (fieldset) {
      var checked = Array.prototype.map.call(fieldset.querySelectorAll("input:checked"), labelOf);
      var legend = fieldset.querySelector("legend");
      if (checked.length) active.push((legend ? legend.textContent.trim() + " : " : "") + checked.join(", "));
    });
    form.querySelectorAll("select, input:not([type=hidden]):not([type=checkbox]):not([type=radio])").forEach(function (control) {
      if (control.closest("fieldset")) return;
      if (control.tagName === "SELECT") {
        if (control.selectedIndex > 0) active.push(labelOf(control) + " : " + control.options[control.selectedIndex].text.trim());
      } else if (control.value.trim()) {
        active.push(labelOf(control) + " : " + control.value.trim());
      }
    });
    return active;
  };
  document.querySelectorAll("[data-filters-toggle]").forEach(function (bar) {
    var button = bar.querySelector("button");
    var panel = document.getElementById(button.getAttribute("aria-controls"));
    if (!panel) return;
    var heading = panel.querySelector("h2");
    var small = window.matchMedia("(max-width: 50rem)");
    var active = activeFilters(panel);
    if (active.length) {
      bar.querySelector("[data-filters-count]").textContent = " (" + active.length + " actif" + (active.length > 1 ? "s" : "") + ")";
      var summary = bar.querySelector("[data-filters-summary]");
      summary.textContent = "Filtres actifs : " + active.join(" ; ");
      summary.hidden = false;
    }
    var sync = function () {
      button.hidden = !small.matches;
      panel.classList.toggle("filters--folded", small.matches && button.getAttribute("aria-expanded") !== "true");
    };
    var close = function () {
      button.setAttribute("aria-expanded", "false");
      sync();
      button.focus();
    };
    button.addEventListener("click", function () {
      if (button.getAttribute("aria-expanded") === "true") return close();
      button.setAttribute("aria-expanded", "true");
      sync();
      if (heading) {
        heading.setAttribute("tabindex", "-1");
        heading.focus();
      }
    });
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && small.matches && button.getAttribute("aria-expanded") === "true") close();
    });
    small.addEventListener("change", sync);
    bar.classList.add("filters-toggle--enhanced");
    sync();
  });

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
