// The jurist's answer box: « Insérer dans la réponse » puts the chosen canned answer (text and links, as
// rendered by the server in #reponses-types) at the end of the answer, where it can be read and edited
// before publishing. Without this script the same button asks the server to do it.
(function () {
  "use strict";
  var form = document.querySelector("[data-canned-answers]");
  var data = document.getElementById("reponses-types");
  if (!form || !data) {
    return;
  }
  var texts = JSON.parse(data.textContent);
  var select = form.querySelector("select[name=canned]");
  var body = form.querySelector("textarea[name=body]");
  form.querySelector("[data-canned-insert]").addEventListener("click", function (event) {
    var text = texts[select.value];
    event.preventDefault();
    if (!text) {
      select.focus();
      return;
    }
    var typed = body.value.replace(/\s+$/, "");
    body.value = typed ? typed + "\n\n" + text : text;
    body.focus();
    body.setSelectionRange(body.value.length, body.value.length);
    body.scrollTop = body.scrollHeight;
  });
})();
