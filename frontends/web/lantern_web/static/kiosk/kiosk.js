// The kiosk's offline queue: every scan or tap is written to IndexedDB first, then sent; what cannot be sent
// (no network) stays queued and goes when the network is back. Each scan carries a nonce the server turns into the
// edge's Idempotency-Key, so a scan sent twice (sent, then the answer lost) is still counted once.
(function () {
  "use strict";
  var root = document.querySelector(".lantern-kiosk");
  if (!root || !window.indexedDB || !window.fetch) { return; }  // without them the forms post as plain HTML
  var statusBox = document.getElementById("kiosk-status");
  var queueBox = document.getElementById("kiosk-queue");
  var sending = false;

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/kiosk/service-worker.js", { scope: "/kiosk/" }).catch(function () {});
  }

  function nonce() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function open() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open("lantern-kiosk", 1);
      request.onupgradeneeded = function () { request.result.createObjectStore("scans", { keyPath: "nonce" }); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function store(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction("scans", mode);
        var result = work(tx.objectStore("scans"));
        tx.oncomplete = function () { resolve(result && "result" in result ? result.result : undefined); };
        tx.onerror = function () { reject(tx.error); };
      });
    });
  }

  function say(text) { statusBox.textContent = text; }

  function showQueue(count) {
    queueBox.hidden = count === 0;
    queueBox.textContent = root.dataset.queuedLabel.replace("{n}", String(count));
  }

  function flush() {
    if (sending) { return Promise.resolve(); }
    sending = true;
    return store("readonly", function (s) { return s.getAll(); }).then(function (scans) {
      var chain = Promise.resolve(true);
      scans.forEach(function (scan) {
        chain = chain.then(function (online) {
          if (!online) { return false; }
          return fetch(scan.url, {
            method: "POST", credentials: "same-origin", headers: { "Accept": "application/json" },
            body: new URLSearchParams(scan.fields)
          }).then(function (answer) {
            if (answer.status >= 500) { return false; }  // try again later, with the same nonce
            return answer.json().catch(function () { return {}; }).then(function (body) {
              if (body.message) { say(body.message); }
              return store("readwrite", function (s) { s.delete(scan.nonce); }).then(function () { return true; });
            });
          }, function () { return false; });  // no network: keep it queued
        });
      });
      return chain;
    }).then(function () {
      return store("readonly", function (s) { return s.count(); });
    }).then(function (count) {
      showQueue(count);
      if (count > 0) { say(root.dataset.offlineMessage); }
    }).finally(function () { sending = false; });
  }

  document.querySelectorAll("form[data-kiosk-form]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var fields = {};
      new FormData(form).forEach(function (value, key) { fields[key] = String(value); });
      fields.nonce = nonce();
      var scan = { nonce: fields.nonce, url: form.action, fields: fields, at: new Date().toISOString() };
      store("readwrite", function (s) { s.put(scan); }).then(flush);
      var code = form.querySelector("input[name=code]");
      if (code) { code.value = ""; code.focus(); }
    });
  });

  window.addEventListener("online", flush);
  setInterval(flush, 5000);
  flush();
}());
