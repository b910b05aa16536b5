// Behaviour that pages ask for with data- attributes, so no page needs inline script
// (the Content Security Policy allows scripts from Vigil's own files only).
document.addEventListener("submit", (event) => {
  const form = event.target;
  const question = form.dataset.confirm;
  if (question && !window.confirm(question)) {
    event.preventDefault();
    return;
  }
  // A form that opens the page named by one of its fields, e.g. /law/<crime code>/.
  const field = form.dataset.goField;
  if (field) {
    event.preventDefault();
    window.location.href = form.action + encodeURIComponent(form.elements[field].value) + "/";
  }
});

// After a refused submission: bring the summary of errors into view and focus it, so a reader
// (and a screen reader) starts from what to fix rather than from the top of a long page.
const errorSummary = document.querySelector("[data-error-summary]");
if (errorSummary) {
  document.title = `${errorSummary.dataset.titlePrefix} ${document.title}`;
  errorSummary.focus();
  errorSummary.addEventListener("click", (event) => {
    const link = event.target.closest("a[href^='#']");
    const field = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!field) return;
    event.preventDefault();
    // Show the field's label or legend too, not only the input.
    (field.closest(".field") || field).scrollIntoView({ block: "start" });
    field.focus({ preventScroll: true });
  });
}

// A long list (countries, actors) gets a search box: typing part of a name or a code narrows
// the <select> beneath it to the matching options, accents and case aside. The select stays the
// control that is submitted, so the form works the same without this script.
const fold = (text) => text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
// A list short enough to read at a glance gets no search box.
const SEARCHABLE_FROM = 15;

// The search box put before a select, named by the select's data-picker words.
function searchBoxFor(select) {
  const search = document.createElement("input");
  search.type = "search";
  search.className = "picker-search";
  search.placeholder = select.dataset.picker;
  search.setAttribute("aria-label", select.dataset.picker);
  search.setAttribute("aria-controls", select.id);
  search.autocomplete = "off";
  return search;
}

function makePicker(select) {
  // A multiple select would lose its chosen options hidden by a search.
  if (select.multiple || select.options.length < SEARCHABLE_FROM) return;
  const search = searchBoxFor(select);
  const status = document.createElement("span");
  status.className = "visually-hidden";
  status.setAttribute("aria-live", "polite");
  select.before(search);
  select.after(status);
  const options = Array.from(select.options);
  const keys = options.map((option) => fold(option.text));

  search.addEventListener("input", () => {
    const words = fold(search.value).split(/\s+/).filter(Boolean);
    const chosen = select.selectedOptions[0];
    const matches = words.length
      ? options.filter((option, i) => option.value && words.every((w) => keys[i].includes(w)))
      : options;
    if (!matches.length) {
      // Nothing matches: keep the list as it was rather than lose the current choice.
      status.textContent = select.dataset.pickerNone;
      return;
    }
    select.replaceChildren(...matches);
    if (matches.includes(chosen)) {
      chosen.selected = true;
    } else {
      matches[0].selected = true;
      select.dispatchEvent(new Event("change", { bubbles: true }));
    }
    status.textContent = select.dataset.pickerMatches.replace("%(count)s", matches.length);
  });
  // Enter in the search box picks the first match instead of sending the form.
  search.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === "ArrowDown") {
      event.preventDefault();
      select.focus();
    }
  });
}

document.querySelectorAll("select[data-picker]:not([data-picker-url])").forEach(makePicker);

// A search box that asks the server at `address` for one page of matches as the person types
// (200 ms after the last key, or at once on Enter, which would otherwise send the form) and hands
// each answer to `show`; an answer overtaken by a later search is dropped, and an emptied box
// calls `clear`.
function searchAsYouType(search, address, clear, show) {
  let asked = 0;
  let timer;
  const ask = async () => {
    const query = search.value.trim();
    const mine = ++asked;
    if (!query) {
      clear();
      return;
    }
    const answer = await fetch(`${address}?q=${encodeURIComponent(query)}`, {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    if (!answer.ok || mine !== asked) return;
    show(await answer.json());
  };
  search.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(ask, 200);
  });
  search.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      clearTimeout(timer);
      ask();
    }
  });
}

// A list too long to write into the page (pickers.py ModelPicker) holds only its chosen rows:
// a search box asks the server for one page of matches, and a picked match is added to the
// select and chosen there. The select stays the control that is submitted and keeps its label.
function makeModelPicker(select) {
  const search = searchBoxFor(select);
  const matches = document.createElement("ul");
  matches.className = "picker-matches";
  const status = document.createElement("p");
  status.className = "help";
  status.setAttribute("aria-live", "polite");
  select.before(search, matches, status);

  const choose = (match) => {
    let option = Array.from(select.options).find((o) => o.value === String(match.id));
    if (!option) {
      option = new Option(match.label, match.id);
      select.append(option);
    }
    option.selected = true;
    select.dispatchEvent(new Event("change", { bubbles: true }));
    matches.replaceChildren();
    search.value = "";
    status.textContent = select.dataset.pickerChosen.replace("%(label)s", match.label);
    search.focus();
  };
  const button = (match) => {
    const item = document.createElement("li");
    const pick = document.createElement("button");
    pick.type = "button";
    pick.textContent = match.label;
    pick.addEventListener("click", () => choose(match));
    item.append(pick);
    return item;
  };

  const clear = () => {
    matches.replaceChildren();
    status.textContent = "";
  };
  searchAsYouType(search, select.dataset.pickerUrl, clear, (found) => {
    matches.replaceChildren(...found.results.map(button));
    if (!found.results.length) status.textContent = select.dataset.pickerNone;
    else if (found.more) status.textContent = select.dataset.pickerMore;
    else status.textContent = select.dataset.pickerMatches.replace("%(count)s", found.results.length);
  });
  // The arrow keys walk the matches.
  search.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" && matches.querySelector("button")) {
      event.preventDefault();
      matches.querySelector("button").focus();
    }
  });
  matches.addEventListener("keydown", (event) => {
    const item = event.target.closest("li");
    if (!item) return;
    const next = { ArrowDown: item.nextElementSibling, ArrowUp: item.previousElementSibling };
    if (event.key in next) {
      event.preventDefault();
      (next[event.key]?.querySelector("button") || search).focus();
    } else if (event.key === "Escape") {
      search.focus();
    }
  });
}

document.querySelectorAll("select[data-picker-url]").forEach(makeModelPicker);

// A field of source numbers (evidence/source_picker.py) becomes a search over the case's
// sources: each search asks the server for one page of matches, and a picked source joins the
// list beneath. The field, hidden, stays the control that is submitted, so the form works the
// same without this script; its id moves to the search box, which its label then names.
function makeSourcePicker(field) {
  const chosen = field.nextElementSibling;
  const search = document.createElement("input");
  search.type = "search";
  search.className = "picker-search";
  search.placeholder = field.dataset.pickerSearch;
  search.autocomplete = "off";
  search.id = field.id;
  for (const name of ["aria-describedby", "aria-invalid"]) {
    if (field.hasAttribute(name)) search.setAttribute(name, field.getAttribute(name));
  }
  field.removeAttribute("id");
  field.type = "hidden";
  const matches = document.createElement("ul");
  matches.className = "source-matches";
  const status = document.createElement("p");
  status.className = "help";
  status.setAttribute("aria-live", "polite");
  field.before(search);
  search.after(matches, status);

  const numbers = () => Array.from(chosen.children, (item) => item.dataset.source);
  const save = () => {
    field.value = numbers().join(", ");
  };
  const removeButton = (item) => {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = field.dataset.pickerRemove;
    button.addEventListener("click", () => {
      item.remove();
      save();
      search.focus();
    });
    item.append(" ", button);
  };
  Array.from(chosen.children).forEach(removeButton);
  save(); // only the sources the server found stay chosen

  const add = (source) => {
    if (numbers().includes(String(source.id))) return;
    const item = document.createElement("li");
    item.dataset.source = source.id;
    const link = document.createElement("a");
    link.href = source.url;
    link.textContent = source.title;
    const number = document.createElement("small");
    number.textContent = `(${source.id})`;
    item.append(link, " ", number);
    removeButton(item);
    chosen.append(item);
    save();
  };

  const clear = () => {
    matches.replaceChildren();
    status.textContent = "";
  };
  searchAsYouType(search, field.dataset.sourcePicker, clear, (found) => {
    matches.replaceChildren(
      ...found.results.map((source) => {
        const item = document.createElement("li");
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = field.dataset.pickerAdd;
        button.setAttribute("aria-label", `${field.dataset.pickerAdd}: ${source.title}`);
        button.addEventListener("click", () => {
          add(source);
          item.remove();
          search.focus();
        });
        const title = document.createElement("span");
        title.textContent = `${source.title} (${source.id})`;
        item.append(button, title);
        return item;
      }),
    );
    if (!found.results.length) status.textContent = field.dataset.pickerNone;
    else status.textContent = found.more ? field.dataset.pickerMore : "";
  });
}

document.querySelectorAll("input[data-source-picker]").forEach(makeSourcePicker);
