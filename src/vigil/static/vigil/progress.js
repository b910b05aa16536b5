// Polls a background job's status (JSON) and updates the progress bar until it ends.
(function () {
  "use strict";
  var box = document.getElementById("build-status");
  if (!box) return;
  function poll() {
    fetch(box.dataset.url, {headers: {Accept: "application/json"}, credentials: "same-origin"})
      .then(function (r) { return r.json(); })
      .then(function (job) {
        document.getElementById("build-progress").value = job.progress;
        // The status in the reader's language; the code decides what happens next.
        var status = job.status_label || job.status;
        document.getElementById("build-stage").textContent = status + (job.stage ? ": " + job.stage : "");
        if (job.status === "done") { document.getElementById("build-done").hidden = false; return; }
        if (job.status === "failed") {
          document.getElementById("build-error").textContent = job.error;
          document.getElementById("build-failed").hidden = false;
          return;
        }
        setTimeout(poll, 1000);
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  if (box.dataset.status !== "done" && box.dataset.status !== "failed") poll();
})();
