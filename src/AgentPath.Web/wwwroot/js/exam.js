// AgentPath exam page: every answer is written to localStorage first, then sent to the server, and retried
// until the server acknowledges it. A reload, a crash, a dropped connection or the deadline loses nothing.
// The page contract (the #exam-form data-* attributes and the answer/submit API) is described in the exam page.
// Plain ES2017+ without optional chaining, so older WeChat (X5/XWeb) kernels run it too. No inline script needed.
(function () {
  "use strict";

  const PARALLEL = 4;              // sends in flight across questions (one per question at most)
  const DEBOUNCE_MS = 600;         // typing pause before a text answer counts as a change
  const BACKOFF_MAX_MS = 30000;    // network errors, 5xx, 429: 1 s doubling up to this
  const SLOW_RETRY_MS = 30000;     // 401 and other 4xx: a person must act (sign in again); keep trying gently
  const REQUEST_TIMEOUT_MS = 20000; // a hung request (captive portal, dead mobile link) must not block its question

  let form, storeKey, statusEl, timerEl, submitBtn;
  const questions = [];
  const byId = new Map();
  const ready = new Set();         // questions waiting for a free send slot, in order
  let active = 0;                  // sends in flight
  let netDown = false;             // the last request failed before reaching the server
  let signedOut = false;
  let closedText = null;           // set once the server answered 409: the attempt takes no more answers
  let submitting = false, submitFailed = false, leaving = false;
  let clockOffset = 0;             // server clock minus client clock, ms
  let tickTimer = null, timeUp = false;
  let flushWaiters = [];
  let wakeSubmit = null;

  const t = (name) => form.dataset["text" + name] || "";
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  const isEmpty = (r) => r == null || (Array.isArray(r) ? r.length === 0 : String(r).trim() === "");

  // ---------- the local copy: { [questionId]: { response, seq, acked } } ----------

  function readStore() {
    try { return JSON.parse(localStorage.getItem(storeKey)) || {}; } catch (e) { return {}; }
  }
  function writeStore(all) {
    try {
      if (Object.keys(all).length) localStorage.setItem(storeKey, JSON.stringify(all));
      else localStorage.removeItem(storeKey);
    } catch (e) { /* storage off or full: the in-memory copy is still sent */ }
  }
  // Read-modify-write one entry, so a second tab on the same attempt does not wipe the others' entries,
  // and never replace a newer entry that tab wrote.
  function persist(q) {
    const all = readStore();
    const cur = all[q.id];
    if (!(cur && cur.seq > q.entry.seq)) all[q.id] = q.entry;
    writeStore(all);
  }

  // ---------- inputs <-> responses ----------

  function inputsOf(q) { return Array.from(q.el.querySelectorAll('[name="q-' + q.id + '"]')); }

  function readInputs(q) {
    const els = inputsOf(q);
    if (q.type === "multiple") return els.filter((i) => i.checked).map((i) => Number(i.value));
    if (q.type === "single" || q.type === "truefalse") {
      const c = els.find((i) => i.checked);
      return c ? Number(c.value) : null;
    }
    return els.length ? els[0].value : "";
  }

  function writeInputs(q, response) {
    for (const i of inputsOf(q)) {
      if (i.type === "radio") i.checked = Number(i.value) === response;
      else if (i.type === "checkbox") i.checked = Array.isArray(response) && response.includes(Number(i.value));
      else i.value = response == null ? "" : String(response);
    }
  }

  function lockInputs() {
    for (const q of questions) for (const i of inputsOf(q)) i.disabled = true;
  }

  // ---------- changes ----------

  // A change gets a new seq (one above anything known for the question) and is stored before it is sent,
  // so the newest value is on disk even if the page dies this instant.
  function commit(q) {
    clearTimeout(q.debounce);
    q.debounce = null;
    const response = readInputs(q);
    if (closedText || same(response, q.current)) return render();
    q.current = response;
    const stored = readStore()[q.id];
    const seq = Math.max(q.serverSeq, q.entry ? q.entry.seq : 0, stored ? stored.seq : 0) + 1;
    q.entry = { response, seq, acked: false };
    persist(q);
    clearTimeout(q.retry);          // fresh input: send now rather than wait out an old backoff
    q.retry = null;
    schedule(q);
  }

  function commitTyping() {
    for (const q of questions) if (q.debounce) commit(q);
  }

  function onInput(e) {
    const q = questionOf(e.target);
    if (!q || (q.type !== "fillin" && q.type !== "short")) return;
    if (e.isComposing) return;      // pinyin being composed is not an answer yet; compositionend follows
    clearTimeout(q.debounce);
    q.debounce = setTimeout(() => commit(q), DEBOUNCE_MS);
    render();
  }

  function questionOf(el) {
    const fs = el && el.closest ? el.closest(".question") : null;
    return fs ? byId.get(fs.dataset.questionId) : null;
  }

  // ---------- sending ----------

  function schedule(q) {
    if (!closedText && !q.inflight && !q.retry && q.entry && !q.entry.acked) ready.add(q);
    pump();
  }

  function pump() {
    for (const q of ready) {
      if (active >= PARALLEL) break;
      ready.delete(q);
      send(q);
    }
    render();
  }

  async function send(q) {
    const sent = q.entry;
    q.inflight = true;
    active++;
    render();
    const r = await request("PUT", form.dataset.answerUrl + encodeURIComponent(q.id), { response: sent.response, seq: sent.seq });
    q.inflight = false;
    active--;
    onAnswerResult(q, sent, r);
    pump();
  }

  function onAnswerResult(q, sent, r) {
    if (r.status >= 200 && r.status < 300) {
      q.failures = 0;
      signedOut = false;
      q.serverSeq = Math.max(q.serverSeq, sent.seq);
      // Only this exact value is acknowledged; if the agent changed it meanwhile, schedule() sends the newer one.
      if (q.entry === sent) { sent.acked = true; persist(q); }
      return schedule(q);
    }
    if (r.status === 409) return close(r.data && r.data.title);
    if (r.status === 401) signedOut = true;
    retryLater(q, retryDelay(r, q.failures++));
  }

  function retryLater(q, ms) {
    clearTimeout(q.retry);
    q.retry = setTimeout(() => { q.retry = null; schedule(q); }, ms);
    render();
  }

  // online / focus / visible: whatever was waiting for a backoff goes now.
  function retryNow(resetBackoff) {
    for (const q of questions) {
      if (resetBackoff) q.failures = 0;
      if (q.retry) { clearTimeout(q.retry); q.retry = null; schedule(q); }
    }
    if (wakeSubmit) wakeSubmit();
  }

  function backoff(failures) {
    const d = Math.min(BACKOFF_MAX_MS, 1000 * Math.pow(2, failures));
    return d / 2 + Math.random() * d / 2; // jitter: a whole floor coming back online must not retry in lockstep
  }

  function retryDelay(r, failures) {
    if (r.status === 0 || r.status === 429 || r.status >= 500) return Math.max(backoff(failures), r.retryAfter);
    return SLOW_RETRY_MS * (0.75 + Math.random() / 2);
  }

  function csrf() {
    const ap = window.AgentPath;
    return (ap && ap.csrfToken && ap.csrfToken()) || "";
  }

  // Never throws: status 0 means the request did not reach the server (offline, timeout, DNS…).
  async function request(method, url, body) {
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), REQUEST_TIMEOUT_MS);
    try {
      const res = await fetch(url, {
        method, body: JSON.stringify(body), signal: ctrl.signal,
        credentials: "same-origin", cache: "no-store",
        redirect: "manual", // a redirect (to a login page) must not come back as a 200 that looks like success
        headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRF-TOKEN": csrf() }
      });
      netDown = false;
      syncClock(res.headers.get("Date"));
      const json = (res.headers.get("Content-Type") || "").includes("json");
      return {
        status: res.type === "opaqueredirect" ? 401 : res.status,
        data: json ? await res.json().catch(() => null) : null,
        retryAfter: Math.min(300, Number(res.headers.get("Retry-After")) || 0) * 1000
      };
    } catch (e) {
      netDown = true;
      return { status: 0, data: null, retryAfter: 0 };
    } finally {
      clearTimeout(timer);
    }
  }

  // 409: the attempt is closed (submitted or past the deadline). Nothing more will be accepted.
  function close(title) {
    closedText = title && title !== t("Late") ? t("Late") + " " + title : t("Late"); // the API may send the same words
    ready.clear();
    for (const q of questions) { clearTimeout(q.retry); q.retry = null; clearTimeout(q.debounce); q.debounce = null; }
    lockInputs();
    render();
  }

  // ---------- state on the page ----------

  function pendingCount() {
    return questions.filter((q) => q.debounce || (q.entry && !q.entry.acked)).length;
  }

  function setText(el, s) { if (el && el.textContent !== s) el.textContent = s; }

  const STATE_TEXT = { "": "", saved: "Saved", saving: "Saving", unsaved: "Unsaved", offline: "Unsaved" };

  function render() {
    const offline = netDown || navigator.onLine === false;
    for (const q of questions) {
      const pending = q.debounce || (q.entry && !q.entry.acked);
      const saved = q.entry || q.serverSeq > 0 ? "saved" : ""; // a question never answered has no state, as rendered
      const state = !pending ? saved : q.inflight ? "saving" : offline && !closedText ? "offline" : "unsaved";
      if (q.stateEl && q.stateEl.dataset.state !== state) q.stateEl.dataset.state = state;
      setText(q.stateEl, t(STATE_TEXT[state]));
    }
    const n = pendingCount();
    // "All answers saved" only once an answer was actually saved; before that, "not answered yet".
    const anySaved = questions.some((q) => q.serverSeq > 0 || (q.entry && q.entry.acked));
    // The status line's own state, so the page can make "offline" and "closed" hard to miss.
    const overall = closedText || signedOut ? "alert" : n && offline ? "offline" : n ? "pending" : anySaved ? "saved" : "none";
    if (statusEl && statusEl.dataset.state !== overall) statusEl.dataset.state = overall;
    setText(statusEl, closedText
      || (signedOut && t("SignedOut"))
      || (n && offline && t("Offline"))
      || (submitFailed && t("SubmitFailed"))
      || (submitting && t("Submitting"))
      || (n ? t("Pending").replace("{0}", n) : anySaved ? t("AllSaved") : t("NoneYet")));
    if (closedText || n === 0) {
      const waiters = flushWaiters;
      flushWaiters = [];
      waiters.forEach((resolve) => resolve(!closedText));
    }
  }

  // Resolves (true) once every answer is acknowledged, or (false) once the attempt is closed. Keeps retrying meanwhile.
  function flush() {
    commitTyping();
    retryNow(false);
    return new Promise((resolve) => { flushWaiters.push(resolve); render(); });
  }

  // ---------- timer ----------

  function initClock() {
    const serverNow = Date.parse(form.dataset.serverNow);
    if (isNaN(serverNow)) return;
    // data-server-now was stamped when the page was rendered, i.e. about when its first byte arrived, not now.
    const nav = performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null;
    const receivedAt = nav && nav.responseStart > 0 ? Date.now() - (performance.now() - nav.responseStart) : Date.now();
    clockOffset = serverNow - receivedAt;
  }

  // Every response's Date header corrects the offset if it drifted by seconds (page restored from a cache,
  // phone clock changed or asleep). The header has 1 s resolution, hence the tolerance.
  function syncClock(header) {
    const server = header ? Date.parse(header) : NaN;
    if (isNaN(server)) return;
    const estimate = Date.now() + clockOffset;
    if (estimate < server - 1000 || estimate > server + 3000) clockOffset = server + 500 - Date.now();
  }

  function clock(ms) {
    const s = Math.ceil(ms / 1000), h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60;
    const two = (n) => String(n).padStart(2, "0");
    return (h ? h + ":" + two(m) : two(m)) + ":" + two(s % 60);
  }

  function tick() {
    clearTimeout(tickTimer);
    const deadline = Date.parse(form.dataset.deadline);
    if (!timerEl || isNaN(deadline) || timeUp) return;
    const left = deadline - (Date.now() + clockOffset);
    timerEl.classList.toggle("warning", left <= 5 * 60000);
    timerEl.classList.toggle("danger", left <= 60000);
    if (left <= 0) {
      timeUp = true;
      setText(timerEl, t("TimeUp"));
      submit(true); // convenience only: the server closes open attempts itself
      return;
    }
    setText(timerEl, t("TimeLeft") + " " + clock(left));
    tickTimer = setTimeout(tick, (left % 1000) + 20); // wake just after the displayed second changes
  }

  // ---------- submit ----------

  async function submit(auto) {
    if (submitting) return;
    commitTyping();
    if (!auto && !closedText) {
      const n = questions.filter((q) => isEmpty(q.current)).length;
      const msg = (n ? t("Unanswered").replace("{0}", n) + "\n" : "") + t("Confirm");
      if (!window.confirm(msg)) return;
    }
    submitting = true;
    lockInputs();
    if (submitBtn) submitBtn.disabled = true;
    render();
    await flush(); // the server grades what it has: every answer must be acknowledged first
    for (let failures = 0; ; failures++) {
      const r = await request("POST", form.dataset.submitUrl, {});
      // 409: the server already finished the attempt (deadline, other tab); its result page is the answer.
      if ((r.status >= 200 && r.status < 300) || r.status === 409) return finish();
      signedOut = r.status === 401;
      submitFailed = !signedOut;
      render();
      await pause(retryDelay(r, failures));
    }
  }

  function pause(ms) {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() { clearTimeout(timer); wakeSubmit = null; resolve(); }
      wakeSubmit = done;
    });
  }

  function finish() {
    leaving = true;
    writeStore({});
    location.replace(form.dataset.resultUrl); // Back should not return to a finished exam
  }

  // ---------- start ----------

  // A local entry newer than the server's seq is what the server is missing (lost connection, crash, reload):
  // put it back in the inputs and send it. Anything the server already has is dropped from storage.
  function restore() {
    const stored = readStore();
    const keep = {};
    for (const q of questions) {
      const local = stored[q.id];
      if (local && typeof local.seq === "number" && local.seq > q.serverSeq) {
        q.entry = { response: local.response, seq: local.seq, acked: false };
        writeInputs(q, local.response);
        keep[q.id] = q.entry;
      }
      q.current = readInputs(q);
    }
    writeStore(keep);
  }

  function listen() {
    form.addEventListener("change", (e) => { const q = questionOf(e.target); if (q) commit(q); });
    form.addEventListener("input", onInput);
    form.addEventListener("compositionend", onInput);
    form.addEventListener("focusout", (e) => { const q = questionOf(e.target); if (q && q.debounce) commit(q); });
    form.addEventListener("submit", (e) => e.preventDefault()); // Enter in a fill-in box must not post the form
    if (submitBtn) submitBtn.addEventListener("click", () => submit(false));
    window.addEventListener("online", () => { netDown = false; retryNow(true); render(); });
    window.addEventListener("offline", render);
    window.addEventListener("focus", () => retryNow(false));
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") { retryNow(false); tick(); }
      else commitTyping(); // a phone may kill a hidden tab: get typed text into storage now
    });
    window.addEventListener("pageshow", (e) => { if (e.persisted) { retryNow(true); tick(); } });
    window.addEventListener("pagehide", commitTyping);
    window.addEventListener("beforeunload", (e) => {
      commitTyping();
      if (leaving || closedText || pendingCount() === 0) return;
      e.preventDefault();
      e.returnValue = t("Pending").replace("{0}", pendingCount()) || "pending"; // older browsers need a non-empty value
    });
  }

  function init() {
    form = document.getElementById("exam-form");
    if (!form) return;
    storeKey = "agentpath:attempt:" + form.dataset.attemptId;
    statusEl = document.getElementById("exam-status");
    timerEl = document.getElementById("exam-timer");
    submitBtn = document.getElementById("submit-attempt");
    for (const el of form.querySelectorAll(".question[data-question-id]")) {
      const q = {
        id: el.dataset.questionId, el, type: el.dataset.type, stateEl: el.querySelector(".save-state"),
        serverSeq: Number(el.dataset.seq) || 0, entry: null, current: null,
        inflight: false, retry: null, debounce: null, failures: 0
      };
      questions.push(q);
      byId.set(q.id, q);
    }
    restore();
    listen();
    initClock();
    window.AgentPathExam = { pendingCount, flush };
    questions.forEach(schedule);
    render();
    tick();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
