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

function makePicker(select) {
  const search = document.createElement("input");
  search.type = "search";
  search.className = "picker-search";
  search.placeholder = select.dataset.picker;
  search.setAttribute("aria-label", select.dataset.picker);
  search.setAttribute("aria-controls", select.id);
  search.autocomplete = "off";
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

document.querySelectorAll("select[data-picker]").forEach(makePicker);
