// AgentPath QA: the evaluation page's player (waveform, speed, keyboard), time-pinned comments and the running total.
// The page works without it: the browser's own audio controls, typed times, the total computed on submit.
(function () {
  "use strict";
  var audio = document.getElementById("call-audio");

  function clock(s) {
    s = Math.max(0, Math.floor(s || 0));
    var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
    var mm = (m < 10 ? "0" : "") + m + ":" + (sec < 10 ? "0" : "") + sec;
    return h > 0 ? h + ":" + mm : mm;
  }

  function duration() {
    if (!audio) { return 0; }
    return isFinite(audio.duration) && audio.duration > 0 ? audio.duration : parseFloat(audio.dataset.duration || "0");
  }

  function seek(t, play) {
    if (!audio) { return; }
    audio.currentTime = Math.max(0, Math.min(duration() || t, t));
    if (play) { audio.play().catch(function () { /* autoplay refused: the position is set */ }); }
  }

  // Comments and findings pinned to a time jump the player there.
  document.addEventListener("click", function (e) {
    var link = e.target.closest ? e.target.closest("[data-seek]") : null;
    if (link && audio) {
      e.preventDefault();
      seek(parseFloat(link.getAttribute("data-seek")), true);
      audio.scrollIntoView({ block: "nearest" });
    }
  });

  function pin() {
    var form = document.querySelector(".comment-form");
    var input = form ? form.querySelector("[data-pin-target]") : null;
    if (input && audio) {
      input.value = clock(audio.currentTime);
      var text = form.querySelector("input[name=commentText]");
      if (text) { text.focus(); }
    }
  }

  document.querySelectorAll("[data-pin]").forEach(function (b) { b.addEventListener("click", pin); });

  if (audio) {
    var playBtn = document.querySelector("[data-play]");
    var timeLabel = document.querySelector("[data-time]");
    var speed = document.querySelector("[data-speed]");
    var wave = document.querySelector("[data-waveform]");
    var canvas = wave ? wave.querySelector("canvas") : null;
    var peaks = null;
    var playText = playBtn ? playBtn.textContent : "";
    var pauseText = document.documentElement.lang === "zh-CN" ? "暂停" : "Pause";

    function draw() {
      if (!canvas) { return; }
      var w = canvas.clientWidth || 600, h = canvas.height;
      if (canvas.width !== w) { canvas.width = w; }
      var ctx = canvas.getContext("2d");
      ctx.clearRect(0, 0, w, h);
      var d = duration(), played = d > 0 ? (audio.currentTime / d) * w : 0;
      for (var x = 0; x < w; x++) {
        var p = peaks ? peaks[Math.floor((x / w) * peaks.length)] || 0 : 0.04;
        var bar = Math.max(1, p * (h - 4));
        ctx.fillStyle = x < played ? "#0b6e99" : "#9fb3c8";
        ctx.fillRect(x, (h - bar) / 2, 1, bar);
      }
      ctx.fillStyle = "#c53030";
      ctx.fillRect(Math.min(w - 2, played), 0, 2, h);
    }

    function update() {
      if (timeLabel) { timeLabel.textContent = clock(audio.currentTime) + " / " + clock(duration()); }
      if (wave) { wave.setAttribute("aria-valuenow", String(Math.floor(audio.currentTime))); wave.setAttribute("aria-valuetext", clock(audio.currentTime)); }
      if (playBtn) { playBtn.textContent = audio.paused ? playText : pauseText; }
      draw();
    }

    function placeMarkers() {
      var d = duration();
      if (!wave || !d) { return; }
      wave.querySelectorAll(".marker").forEach(function (m) {
        m.style.left = Math.min(100, (parseFloat(m.getAttribute("data-at")) / d) * 100) + "%";
      });
    }

    audio.addEventListener("timeupdate", update);
    audio.addEventListener("play", update);
    audio.addEventListener("pause", update);
    audio.addEventListener("loadedmetadata", function () { placeMarkers(); update(); });
    window.addEventListener("resize", draw);
    placeMarkers();
    update();

    if (playBtn) {
      playBtn.addEventListener("click", function () { if (audio.paused) { audio.play().catch(function () { }); } else { audio.pause(); } });
    }

    if (speed) {
      speed.addEventListener("change", function () { audio.playbackRate = parseFloat(speed.value); });
    }

    function stepSpeed(dir) {
      if (!speed) { return; }
      var i = Math.max(0, Math.min(speed.options.length - 1, speed.selectedIndex + dir));
      speed.selectedIndex = i;
      audio.playbackRate = parseFloat(speed.value);
    }

    if (wave) {
      wave.addEventListener("click", function (e) {
        var rect = wave.getBoundingClientRect();
        seek(((e.clientX - rect.left) / rect.width) * duration(), false);
      });
    }

    // The waveform, drawn from the audio itself.
    if (canvas && window.fetch && (window.AudioContext || window.webkitAudioContext)) {
      fetch(audio.currentSrc || audio.src, { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.arrayBuffer() : Promise.reject(r.status); })
        .then(function (buf) {
          var Ctx = window.AudioContext || window.webkitAudioContext;
          var ctx = new Ctx();
          return ctx.decodeAudioData(buf).then(function (decoded) { ctx.close(); return decoded; });
        })
        .then(function (decoded) {
          var data = decoded.getChannelData(0), n = 600, size = Math.max(1, Math.floor(data.length / n)), max = 0;
          peaks = [];
          for (var i = 0; i < n; i++) {
            var peak = 0;
            for (var j = i * size; j < (i + 1) * size && j < data.length; j += 4) { var v = Math.abs(data[j]); if (v > peak) { peak = v; } }
            peaks.push(peak);
            if (peak > max) { max = peak; }
          }
          if (max > 0) { peaks = peaks.map(function (p) { return p / max; }); }
          wave.classList.add("ready");
          draw();
        })
        .catch(function () { /* no waveform: the timeline still seeks */ });
    }

    document.addEventListener("keydown", function (e) {
      var t = e.target;
      var typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
      if (typing || e.ctrlKey || e.metaKey || e.altKey) { return; }
      if (e.key === " " && t.tagName !== "BUTTON" && t.tagName !== "A") { e.preventDefault(); if (audio.paused) { audio.play().catch(function () { }); } else { audio.pause(); } }
      else if (e.key === "ArrowLeft" && (t === document.body || t === wave)) { e.preventDefault(); seek(audio.currentTime - 5, false); }
      else if (e.key === "ArrowRight" && (t === document.body || t === wave)) { e.preventDefault(); seek(audio.currentTime + 5, false); }
      else if (e.key === "[") { stepSpeed(-1); }
      else if (e.key === "]") { stepSpeed(1); }
      else if (e.key === "p" || e.key === "P") { e.preventDefault(); pin(); }
    });
  }

  // The running total: the same rules as ScorecardMath (weighted items and sections, N/A re-bases, critical items zero).
  var form = document.querySelector("[data-scoring]");
  if (form) {
    var totalEl = form.querySelector("[data-total]");
    var failEl = form.querySelector("[data-autofail]");
    var recompute = function () {
      var weighted = 0, weights = 0, autoFail = false;
      form.querySelectorAll("[data-section]").forEach(function (sec) {
        var sum = 0, w = 0, zero = false;
        sec.querySelectorAll("[data-item]").forEach(function (item) {
          var checked = item.querySelector("input:checked");
          if (!checked || checked.value === "na") { return; }
          var v = parseFloat(checked.value), max = parseFloat(item.dataset.max), scale = item.dataset.scale, f;
          if (scale === "YesNo") { f = v >= 1 ? 1 : 0; } else if (scale === "OneToFive") { f = (v - 1) / 4; } else { f = v / max; }
          var crit = item.dataset.critical;
          if (crit !== "None" && f === 0) { if (crit === "Section") { zero = true; } else { autoFail = true; } }
          var iw = parseFloat(item.dataset.weight);
          sum += iw * f; w += iw;
        });
        var label = sec.querySelector("[data-section-score]");
        if (w === 0) { if (label) { label.textContent = ""; } return; }
        var score = zero ? 0 : (100 * sum) / w;
        if (label) { label.textContent = score.toFixed(1); }
        var sw = parseFloat(sec.dataset.weight);
        weighted += sw * score; weights += sw;
      });
      var total = autoFail || weights === 0 ? 0 : weighted / weights;
      totalEl.textContent = weights === 0 ? "—" : total.toFixed(1);
      totalEl.className = weights === 0 ? "" : (!autoFail && total >= parseFloat(form.dataset.pass) ? "pass" : "fail");
      failEl.hidden = !autoFail;
    };
    form.addEventListener("change", recompute);
    recompute();
  }
})();
