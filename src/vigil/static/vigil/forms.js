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
