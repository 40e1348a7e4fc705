// Suggestions as you type for every search field marked data-suggest (ARIA 1.2 combobox with a listbox).
// Progressive enhancement: without this script the forms submit to /recherche/ as usual.
(function () {
  "use strict";
  var ENDPOINT = "/recherche/suggest/";
  var counter = 0;

  function setup(input) {
    counter += 1;
    var listId = "suggestions-" + counter;
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggestions");
    list.hidden = true;
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    var wrapper = input.parentNode;
    wrapper.classList.add("suggest-host");
    wrapper.appendChild(list);
    wrapper.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var timer = null;
    var active = -1;
    var items = [];
    var lastQuery = "";

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      items.forEach(function (item, i) {
        item.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", items[index].id);
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function render(suggestions) {
      list.textContent = "";
      items = suggestions.map(function (suggestion, i) {
        var item = document.createElement("li");
        item.id = listId + "-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.dataset.url = suggestion.url;
        var title = document.createElement("span");
        title.textContent = suggestion.title;
        var kind = document.createElement("span");
        kind.className = "suggestions__kind";
        kind.textContent = " (" + suggestion.kind_label + ")";
        item.appendChild(title);
        item.appendChild(kind);
        item.addEventListener("mousedown", function (event) {
          event.preventDefault();
          window.location.href = suggestion.url;
        });
        list.appendChild(item);
        return item;
      });
      active = -1;
      if (items.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        status.textContent = items.length + " suggestion" + (items.length > 1 ? "s" : "") + ", flèches haut et bas pour choisir.";
      } else {
        close();
        status.textContent = "";
      }
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query === lastQuery) { return; }
      lastQuery = query;
      if (query.length < 2) { render([]); return; }
      fetch(ENDPOINT + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) { if (input.value.trim() === query) { render(data.suggestions || []); } })
        .catch(function () { render([]); });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, 200);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && items.length) {
        event.preventDefault();
        if (list.hidden) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
        highlight((active + 1) % items.length);
      } else if (event.key === "ArrowUp" && items.length) {
        event.preventDefault();
        highlight(active <= 0 ? items.length - 1 : active - 1);
      } else if (event.key === "Enter" && active >= 0 && !list.hidden) {
        event.preventDefault();
        window.location.href = items[active].dataset.url;
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", function () { window.setTimeout(close, 100); });
  }

  document.querySelectorAll("input[data-suggest]").forEach(setup);
})();
