"""The fixed CSS and JavaScript of the HTML export (``export/html.py``).

Kept apart from the page assembly so the script's hash, which the page's
Content-Security-Policy allows and nothing else, is computed from one constant.
The script reads only the page: no ``fetch``, no ``XMLHttpRequest``, no
``innerHTML`` (card details are cloned from hidden, already escaped markup).
"""

from __future__ import annotations

import base64
import hashlib

CSS = """
:root { color-scheme: light; --ink: #1B2430; --muted: #5B6675; --line: #D5DAE1; }
* { box-sizing: border-box; }
body { margin: 0;
  font-family: 'JD AtkinsonHyperlegible-Regular', 'JD NotoSansFallback-Regular', sans-serif;
  color: var(--ink); background: #F4F6F8; }
header, main > section { padding: 16px 24px; }
header h1 { margin: 0 0 4px; font-size: 1.6rem; }
nav a { margin-right: 16px; color: #1F5FAF; }
h2 { font-size: 1.3rem; margin: 8px 0; }
.toolbar button, .slideshow button, dialog button { font: inherit; padding: 4px 12px;
  margin-right: 6px; border: 1px solid var(--line); background: #FFF; border-radius: 4px;
  cursor: pointer; }
:focus-visible { outline: 3px solid #1F5FAF; outline-offset: 2px; }
.viewport { overflow: hidden; height: 70vh; background: #FFF; border: 1px solid var(--line);
  cursor: grab; touch-action: none; position: relative; }
.viewport svg { transform-origin: 0 0; display: block; }
g.card { cursor: pointer; }
g.card:focus { outline: none; }
g.card:focus > :first-child, g.card:hover > :first-child { stroke: #1F5FAF; stroke-width: 3; }
dialog { max-width: 42rem; border: 1px solid var(--line); border-radius: 8px; }
dialog h3 { margin-top: 0; }
.detail p, .persona p { white-space: pre-wrap; }
.persona { background: #FFF; border: 1px solid var(--line); border-radius: 8px;
  padding: 12px 16px; margin-bottom: 12px; max-width: 60rem; }
.persona img { max-width: 160px; max-height: 160px; float: right; margin-left: 12px; }
.slideshow { background: #FFF; border: 1px solid var(--line); padding: 8px; max-width: 1000px; }
.slide[hidden] { display: none; }
.slide svg { width: 100%; height: auto; display: block; }
.narration { white-space: pre-wrap; color: var(--muted); }
"""

SCRIPT = r"""
(function () {
  'use strict';
  var dialog = document.getElementById('details');
  var body = document.getElementById('details-body');
  var opener = null;
  function details(id) {
    var all = document.querySelectorAll('.detail');
    for (var i = 0; i < all.length; i++) {
      if (all[i].getAttribute('data-card') === id) return all[i];
    }
    return null;
  }
  function openCard(id, from) {
    var d = details(id);
    if (!d) return;
    while (body.firstChild) body.removeChild(body.firstChild);
    body.appendChild(d.cloneNode(true)).hidden = false;
    opener = from || null;
    if (!dialog.open) dialog.showModal();
    dialog.setAttribute('data-card', id);
  }
  dialog.addEventListener('close', function () { if (opener) opener.focus(); });
  document.getElementById('details-close').addEventListener('click', function () {
    dialog.close();
  });
  Array.prototype.forEach.call(document.querySelectorAll('g.card'), function (g) {
    g.addEventListener('click', function (e) {
      if (g.closest('.viewport').getAttribute('data-dragged') === '1') return;
      openCard(g.getAttribute('data-card'), g);
    });
    g.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        openCard(g.getAttribute('data-card'), g);
      }
    });
  });

  // zoom and pan: a CSS transform on the map's svg
  Array.prototype.forEach.call(document.querySelectorAll('.map'), function (map) {
    var vp = map.querySelector('.viewport');
    var svg = vp.querySelector('svg');
    var w = parseFloat(svg.getAttribute('data-width'));
    var h = parseFloat(svg.getAttribute('data-height'));
    svg.setAttribute('width', w); svg.setAttribute('height', h);
    var s = 1, x = 0, y = 0;
    function apply() {
      svg.style.transform = 'translate(' + x + 'px,' + y + 'px) scale(' + s + ')';
      vp.setAttribute('data-scale', s.toFixed(3));
    }
    function fit() {
      s = Math.min(vp.clientWidth / w, vp.clientHeight / h) || 1; x = 0; y = 0; apply();
    }
    function zoom(f, cx, cy) {
      if (cx === undefined) { cx = vp.clientWidth / 2; cy = vp.clientHeight / 2; }
      var ns = Math.max(0.05, Math.min(8, s * f));
      x = cx - (cx - x) * ns / s; y = cy - (cy - y) * ns / s; s = ns; apply();
    }
    map.querySelector('.zoom-in').addEventListener('click', function () { zoom(1.25); });
    map.querySelector('.zoom-out').addEventListener('click', function () { zoom(0.8); });
    map.querySelector('.zoom-fit').addEventListener('click', fit);
    vp.addEventListener('wheel', function (e) {
      e.preventDefault();
      var r = vp.getBoundingClientRect();
      zoom(e.deltaY < 0 ? 1.1 : 0.9, e.clientX - r.left, e.clientY - r.top);
    }, { passive: false });
    var drag = null;
    vp.addEventListener('pointerdown', function (e) {
      drag = { px: e.clientX, py: e.clientY, x: x, y: y };
      vp.setAttribute('data-dragged', '0');
    });
    vp.addEventListener('pointermove', function (e) {
      if (!drag) return;
      var dx = e.clientX - drag.px, dy = e.clientY - drag.py;
      if (Math.abs(dx) + Math.abs(dy) > 4) vp.setAttribute('data-dragged', '1');
      x = drag.x + dx; y = drag.y + dy; apply();
    });
    window.addEventListener('pointerup', function () { drag = null; });
    vp.addEventListener('keydown', function (e) {
      var step = 60;
      if (e.target !== vp) return;
      if (e.key === '+' || e.key === '=') zoom(1.25);
      else if (e.key === '-') zoom(0.8);
      else if (e.key === '0') fit();
      else if (e.key === 'ArrowLeft') { x += step; apply(); }
      else if (e.key === 'ArrowRight') { x -= step; apply(); }
      else if (e.key === 'ArrowUp') { y += step; apply(); }
      else if (e.key === 'ArrowDown') { y -= step; apply(); }
      else return;
      e.preventDefault();
    });
    fit();
  });

  // the storyline as a slideshow
  Array.prototype.forEach.call(document.querySelectorAll('.slideshow'), function (show) {
    var slides = show.querySelectorAll('.slide');
    var count = show.querySelector('.count');
    var n = 0;
    function go(i) {
      n = Math.max(0, Math.min(slides.length - 1, i));
      for (var k = 0; k < slides.length; k++) slides[k].hidden = k !== n;
      count.textContent = (n + 1) + ' / ' + slides.length;
      show.setAttribute('data-slide', String(n + 1));
    }
    show.querySelector('.prev').addEventListener('click', function () { go(n - 1); });
    show.querySelector('.next').addEventListener('click', function () { go(n + 1); });
    show.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowRight' || e.key === 'PageDown') { go(n + 1); e.preventDefault(); }
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') { go(n - 1); e.preventDefault(); }
    });
    go(0);
  });

  // a link to a card (#card=ID) opens it
  var m = /^#card=(.+)$/.exec(location.hash);
  if (m) openCard(decodeURIComponent(m[1]), null);
  document.body.setAttribute('data-ready', '1');
})();
"""


def script_hash() -> str:
    """The CSP source that allows exactly ``SCRIPT``."""
    digest = hashlib.sha256(SCRIPT.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy() -> str:
    """No network at all: nothing but this page's script, and data: fonts and images."""
    return (
        "default-src 'none'; "
        f"script-src {script_hash()}; "
        "style-src 'unsafe-inline'; "
        "img-src data:; font-src data:; "
        "connect-src 'none'; media-src 'none'; object-src 'none'; frame-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )
