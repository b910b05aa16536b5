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
