/* validate: HTML report behaviour. ASCII only; no network, no eval, no innerHTML:
   text from the fact sheets is only ever read and written as textContent. */
(function () {
  "use strict";
  var doc = document;
  doc.documentElement.classList.add("js");

  function claimButtons() {
    return Array.prototype.slice.call(doc.querySelectorAll("button.claim-btn"));
  }
  function buttonFor(ref) {
    return ref ? doc.getElementById("b-" + ref) : null;
  }
  function setOpen(button, open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    var panel = doc.getElementById(button.getAttribute("aria-controls"));
    if (panel) { panel.hidden = !open; }
  }
  function isOpen(button) {
    return button.getAttribute("aria-expanded") === "true";
  }
  function reveal(el) {
    if (el.scrollIntoView) { el.scrollIntoView({block: "center"}); }
  }

  // Explanations start open in the markup (readable without script); close them now.
  claimButtons().forEach(function (button) {
    setOpen(button, false);
    button.addEventListener("click", function () {
      setOpen(button, !isOpen(button));
      if (isOpen(button)) { hideTip(); }
    });
  });

  // Clicking highlighted words opens their claim (the innermost one, where claims nest).
  doc.addEventListener("click", function (event) {
    var target = event.target;
    if (!target || !target.closest) { return; }
    var link = target.closest("a.goto[data-ref]");
    if (link) {
      var linked = buttonFor(link.getAttribute("data-ref"));
      if (linked) {
        event.preventDefault();
        setOpen(linked, true);
        linked.focus();
        reveal(linked);
      }
      return;
    }
    var mark = target.closest("mark.claim");
    if (!mark) { return; }
    var selection = window.getSelection ? String(window.getSelection()) : "";
    if (selection.length) { return; }  // selecting text, not asking for the explanation
    var button = buttonFor(mark.getAttribute("data-ref"));
    if (button) {
      setOpen(button, !isOpen(button));
      button.focus();
      if (isOpen(button)) { hideTip(); }
    }
  });

  // n / p: the next and previous claim, in reading order, wrapping around.
  function move(step) {
    var list = claimButtons();
    if (!list.length) { return; }
    var current = doc.activeElement;
    var i = list.indexOf(current), next;
    if (i >= 0) {
      next = list[(i + step + list.length) % list.length];
    } else {
      next = null;
      var j;
      for (j = 0; j < list.length; j++) {
        var after = current && current !== doc.body &&
          (current.compareDocumentPosition(list[j]) & Node.DOCUMENT_POSITION_FOLLOWING);
        if (after) { next = step > 0 ? list[j] : list[(j - 1 + list.length) % list.length]; break; }
      }
      if (!next) { next = step > 0 ? list[0] : list[list.length - 1]; }
    }
    next.focus();
    reveal(next);
  }

  doc.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) { return; }
    var t = event.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) { return; }
    if (event.key === "n" || event.key === "p") {
      event.preventDefault();
      move(event.key === "n" ? 1 : -1);
    } else if (event.key === "Escape") {
      hideTip();
      var button = t && t.classList && t.classList.contains("claim-btn") ? t : null;
      if (!button && t && t.closest) {
        var panel = t.closest(".explain");
        button = panel ? buttonFor(panel.getAttribute("data-ref")) : null;
      }
      if (button && isOpen(button)) {
        setOpen(button, false);
        button.focus();
      }
    }
  });

  var expandAll = doc.getElementById("expand-all");
  var collapseAll = doc.getElementById("collapse-all");
  if (expandAll) {
    expandAll.addEventListener("click", function () { claimButtons().forEach(function (b) { setOpen(b, true); }); });
  }
  if (collapseAll) {
    collapseAll.addEventListener("click", function () { claimButtons().forEach(function (b) { setOpen(b, false); }); });
  }

  // Hover and focus: a tip with the verdict and the message; every piece of the claim outlined.
  var tip = doc.getElementById("tip");
  var hot = null;
  function marks(ref) {
    return Array.prototype.slice.call(doc.querySelectorAll("mark.claim")).filter(function (m) {
      return m.getAttribute("data-ref") === ref;
    });
  }
  function hideTip() {
    if (tip) { tip.hidden = true; }
    if (hot) { marks(hot).forEach(function (m) { m.classList.remove("hot"); }); hot = null; }
  }
  function showTip(ref, anchor) {
    var button = buttonFor(ref);
    var message = doc.getElementById("m-" + ref);
    hideTip();
    if (!tip || !button || !message || isOpen(button)) { return; }  // an open explanation says it all
    hot = ref;
    marks(ref).forEach(function (m) { m.classList.add("hot"); });
    tip.textContent = (button.getAttribute("data-label") || "") + ": " + message.textContent;
    tip.hidden = false;
    var rect = anchor.getBoundingClientRect();
    var left = Math.max(8, Math.min(rect.left, doc.documentElement.clientWidth - tip.offsetWidth - 8));
    tip.style.left = (left + window.pageXOffset) + "px";
    tip.style.top = (rect.bottom + window.pageYOffset + 6) + "px";
  }
  function refOf(el) {
    if (!el || !el.closest) { return null; }
    var host = el.closest("mark.claim, button.claim-btn");
    return host ? {ref: host.getAttribute("data-ref"), el: host} : null;
  }
  doc.addEventListener("mouseover", function (event) {
    var found = refOf(event.target);
    if (found && found.ref !== hot) { showTip(found.ref, found.el); }
  });
  doc.addEventListener("mouseout", function (event) {
    var from = refOf(event.target), to = refOf(event.relatedTarget);
    if (from && (!to || to.ref !== from.ref)) { hideTip(); }
  });
  doc.addEventListener("focusin", function (event) {
    var t = event.target;
    if (t && t.classList && t.classList.contains("claim-btn")) { showTip(t.getAttribute("data-ref"), t); }
    else { hideTip(); }
  });

  // A link to a claim (#c1-3) opens it.
  function openFromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var button = id ? buttonFor(id) : null;
    if (button) { setOpen(button, true); }
  }
  window.addEventListener("hashchange", openFromHash);
  openFromHash();
})();
