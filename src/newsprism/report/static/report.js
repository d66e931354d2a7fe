/* newsprism report: citation popovers and jumps to the source sentence.
   Inlined into report.html; runs under a CSP that allows only this script (nonce or hash).
   Builds DOM with textContent only, so no article text is ever parsed as HTML. */
(function () {
  "use strict";
  var pop = document.getElementById("np-pop");
  if (!pop) { return; }
  var docked = false;
  var canHover = window.matchMedia && window.matchMedia("(hover: hover)").matches;

  function cites(chip) {
    try { return JSON.parse(chip.getAttribute("data-cites") || "[]"); } catch (e) { return []; }
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text) { node.textContent = text; }
    return node;
  }

  // The sentence a chip cites, read from the article view (the page stores each sentence once).
  function sentence(c) {
    if (c.t) { return c.t; }
    var m = /^s-(.+)-(\d+)$/.exec(c.a || "");
    var target = document.getElementById(c.a);
    var box = target && target.closest(".art-text");
    if (!m || !box) { return ""; }
    var parts = [];
    Array.prototype.forEach.call(box.querySelectorAll(".ev"), function (n) {
      if ((" " + n.getAttribute("data-s") + " ").indexOf(" " + m[2] + " ") >= 0) { parts.push(n.textContent); }
    });
    return parts.join("");
  }

  function fill(list) {
    pop.textContent = "";
    var close = el("button", "x", "×");
    close.type = "button";
    close.setAttribute("aria-label", "Close");
    pop.appendChild(close);
    list.forEach(function (c) {
      var box = el("div", "src");
      box.appendChild(el("div", "o", c.o));
      box.appendChild(el("p", "t", sentence(c) || "(no sentence given; opens the article)"));
      var go = el("a", "go", "Show in article ↓");
      go.href = "#" + c.a;
      go.setAttribute("data-jump", c.a);
      box.appendChild(go);
      pop.appendChild(box);
    });
  }

  function hide() { pop.hidden = true; docked = false; pop.classList.remove("docked"); }

  function showNear(chip) {
    var list = cites(chip);
    if (!list.length) { return; }
    fill(list);
    pop.classList.remove("docked");
    pop.hidden = false;
    var r = chip.getBoundingClientRect();
    var w = pop.offsetWidth, h = pop.offsetHeight;
    var left = Math.max(8, Math.min(r.left, window.innerWidth - w - 8));
    var top = r.bottom + 6;
    if (top + h > window.innerHeight - 8) { top = Math.max(8, r.top - h - 6); }
    pop.style.left = left + "px";
    pop.style.top = top + "px";
  }

  function openParents(node) {
    for (var p = node.parentElement; p; p = p.parentElement) {
      if (p.tagName === "DETAILS") { p.open = true; }
    }
  }

  function jump(id) {
    var target = document.getElementById(id);
    if (!target) { return false; }
    openParents(target);
    Array.prototype.forEach.call(document.querySelectorAll(".ev.hit"), function (n) { n.classList.remove("hit"); });
    var m = /^s-(.+)-(\d+)$/.exec(id);
    var box = target.closest(".art-text");
    if (m && box) {
      Array.prototype.forEach.call(box.querySelectorAll(".ev"), function (n) {
        if ((" " + n.getAttribute("data-s") + " ").indexOf(" " + m[2] + " ") >= 0) { n.classList.add("hit"); }
      });
    }
    target.scrollIntoView({ block: "center" });
    return true;
  }

  document.addEventListener("click", function (e) {
    var t = e.target;
    if (!(t instanceof Element)) { return; }
    if (t.closest(".pop .x")) { hide(); return; }
    var go = t.closest("[data-jump]");
    if (go) { e.preventDefault(); jump(go.getAttribute("data-jump")); return; }
    var chip = t.closest("a[data-cites]");
    if (chip) {
      e.preventDefault();
      var list = cites(chip);
      if (!list.length) { return; }
      fill(list);
      docked = true;
      pop.classList.add("docked");
      pop.hidden = false;
      jump(list[0].a);
      return;
    }
    var jumpLink = t.closest("a.jump");
    if (jumpLink) {
      e.preventDefault();
      jump(jumpLink.getAttribute("href").slice(1));
      return;
    }
    if (!t.closest(".pop")) { hide(); }
  });

  if (canHover) {
    document.addEventListener("mouseover", function (e) {
      var chip = e.target instanceof Element && e.target.closest("a[data-cites]");
      if (chip && !docked) { showNear(chip); }
    });
    document.addEventListener("mouseout", function (e) {
      var chip = e.target instanceof Element && e.target.closest("a[data-cites]");
      if (chip && !docked) { hide(); }
    });
  }
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") { hide(); } });
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details"), function (d) { d.open = true; });
  });
  if (location.hash.indexOf("#s-") === 0) { jump(decodeURIComponent(location.hash.slice(1))); }
})();
