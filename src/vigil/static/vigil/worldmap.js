// Shows a country's recognition acts beside the map when it is clicked or chosen by keyboard:
// the page knows each coloured state's word; the acts are asked for one country at a time.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("map-details").textContent);
  var detailsUrl = document.getElementById("map-details-url").dataset.url;
  var panel = document.getElementById("country-details");

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function show(code) {
    if (!data[code]) return;
    fetch(detailsUrl + "?country=" + encodeURIComponent(code), {credentials: "same-origin"})
      .then(function (response) { return response.json(); })
      .then(function (country) { render(code, country); });
  }

  function render(code, country) {
    panel.replaceChildren();
    panel.appendChild(el("h2", country.country));
    panel.appendChild(el("p", country.characterisation + (country.verified ? "" : " — not yet verified"), {"class": "meta"}));
    var list = el("ul", "", {"class": "claims"});
    country.acts.forEach(function (act) {
      var item = el("li", "", {"class": "claim"});
      var head = el("p");
      head.appendChild(el("a", act.actor, {href: act.url}));
      head.appendChild(document.createTextNode(" · " + act.date + " · " + act.instrument + ", " + act.status + " · " + act.review));
      item.appendChild(head);
      item.appendChild(el("blockquote", act.wording, {"class": "statement", lang: act.wording_language, dir: act.wording_direction}));
      if (act.wording_note) item.appendChild(el("p", act.wording_note, {"class": "translation-note", role: "note"}));
      var sources = el("p", act.sources.length ? "Sources: " : "Unsourced", {"class": "meta"});
      act.sources.forEach(function (source, i) {
        if (i) sources.appendChild(document.createTextNode("; "));
        sources.appendChild(el("a", source.title, {href: source.url}));
      });
      item.appendChild(sources);
      list.appendChild(item);
    });
    panel.appendChild(list);
    document.querySelectorAll(".worldmap .selected").forEach(function (g) { g.classList.remove("selected"); });
    document.querySelectorAll('.worldmap [data-iso="' + code + '"]').forEach(function (g) { g.classList.add("selected"); });
  }

  document.querySelectorAll(".worldmap .recognised").forEach(function (g) {
    g.addEventListener("click", function () { show(g.dataset.iso); });
    g.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); show(g.dataset.iso); }
    });
  });
})();
