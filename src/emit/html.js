// html.js: the script of translint's review page (--format html), inlined
// in the page's head by src/emit/html.c and allowed by its
// Content-Security-Policy through its SHA-256 digest. Its listeners sit on
// the document, so that a finding's rule, message and fix show on hover
// and on keyboard focus, and j and k move between findings, while a long
// page is still loading; once the document is parsed it fills the
// overview from the file sections. Every step is linear in the page or
// constant per event: nothing loops over the findings on hover or focus.
"use strict";
(function () {
	var d = document;

	function el(tag, text, cls) {
		var e = d.createElement(tag);
		if (text !== undefined) e.textContent = text;
		if (cls) e.className = cls;
		return e;
	}

	// The pages of the built-in rules, by name (custom rules have none).
	var pages = null;
	function ruleName(name) {
		if (!pages) {
			pages = new Map();
			d.querySelectorAll("#rule-pages a").forEach(function (a) {
				pages.set(a.textContent, a);
			});
		}
		var a = pages.get(name);
		return a ? a.cloneNode(true) : el("code", name);
	}

	// The overview: the totals written last move up; the tables of files
	// and of findings per rule are counted from the sections.
	function overview() {
		var ov = d.getElementById("overview"), totals = d.getElementById("totals");
		if (ov && totals) ov.insertBefore(totals, ov.querySelector("noscript"));
		var files = d.createDocumentFragment(), rules = new Map();
		d.querySelectorAll("section.file").forEach(function (sec) {
			var tr = el("tr"), th = el("th"), a = el("a", sec.querySelector("h2").textContent);
			var n = [+sec.dataset.e, +sec.dataset.w, +sec.dataset.i];
			th.scope = "row";
			a.href = "#" + sec.id;
			th.appendChild(a);
			tr.appendChild(th);
			n.concat(n[0] + n[1] + n[2]).forEach(function (v, j) {
				tr.appendChild(el("td", String(v), v && j < 3 ? "n " + "ewi"[j] : ""));
			});
			files.appendChild(tr);
			sec.querySelectorAll("ol.findings > li > code").forEach(function (code) {
				var name = code.textContent, r = rules.get(name);
				if (!r) {
					r = {name: name, n: [0, 0, 0]};
					rules.set(name, r);
				}
				r.n["ewi".indexOf(code.parentNode.className)]++;
			});
		});
		var fb = d.querySelector("#ov-files tbody");
		if (fb) fb.appendChild(files);
		var rb = d.querySelector("#ov-rules tbody");
		if (!rb) return;
		var list = Array.from(rules.values()), rows = d.createDocumentFragment();
		list.forEach(function (r) { r.total = r.n[0] + r.n[1] + r.n[2]; });
		list.sort(function (a, b) {
			return b.total - a.total || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
		});
		list.forEach(function (r) {
			var tr = el("tr"), th = el("th");
			th.scope = "row";
			th.appendChild(ruleName(r.name));
			tr.appendChild(th);
			r.n.concat(r.total).forEach(function (v, j) {
				tr.appendChild(el("td", String(v), v && j < 3 ? "n " + "ewi"[j] : ""));
			});
			rows.appendChild(tr);
		});
		rb.appendChild(rows);
	}

	// The tooltip: one element, filled from the finding's row.
	var current = null;

	function tip() {
		return d.getElementById("tip");
	}

	function rowOf(mark) {
		var sec = mark.closest("section.file");
		return sec && d.getElementById(sec.id + "-r" + mark.dataset.f);
	}

	function place() {
		var t = tip();
		if (!current || !t) return;
		var r = current.getBoundingClientRect(), w = t.offsetWidth, h = t.offsetHeight;
		var left = Math.max(4, Math.min(r.left, window.innerWidth - w - 4));
		var top = r.bottom + 6;
		if (top + h > window.innerHeight - 4 && r.top - h - 6 >= 4) top = r.top - h - 6;
		t.style.left = left + "px";
		t.style.top = top + "px";
	}

	// The same text for both sides of a finding: severity, rule, its
	// position and, for a source rule's finding, its place in the
	// original (a link to the other side) or the row's note that it has
	// none.
	function show(mark) {
		var row = rowOf(mark), t = tip();
		if (!row || !t) return;
		if (current === mark && !t.hidden) return;
		current = mark;
		var head = el("div", undefined, "th");
		var desc = row.querySelector(":scope > span").cloneNode(true);
		desc.removeAttribute("id");
		var other = row.querySelector(":scope > a.o, :scope > span.o, :scope > small.nop");
		head.append(row.querySelector(":scope > b").cloneNode(true), " ",
			ruleName(row.querySelector(":scope > code").textContent), " ",
			other ? row.querySelector(":scope > a").cloneNode(true)
				: row.querySelector(":scope > a").textContent);
		if (other) head.append(" · ", other.cloneNode(true));
		t.className = row.className;
		t.replaceChildren(head, desc);
		t.hidden = false;
		place();
	}

	function hide() {
		var t = tip();
		if (t) t.hidden = true;
		current = null;
	}

	function markAt(node) {
		return node && node.closest ? node.closest("mark.f") : null;
	}

	d.addEventListener("mouseover", function (e) {
		var m = markAt(e.target), t = tip();
		if (m) show(m);
		else if (current && t && !t.contains(e.target) && current !== d.activeElement) hide();
	});
	d.addEventListener("focusin", function (e) {
		var m = markAt(e.target), t = tip();
		if (m) show(m);
		else if (!(t && t.contains(e.target))) hide();
	});
	window.addEventListener("scroll", place, {passive: true});
	window.addEventListener("resize", place);

	// j / k: the next or previous finding of the page. The list of
	// anchors is taken once the page is loaded (and at each press while
	// it is still loading: it grows).
	var anchors = null, index = null, complete = false;
	function move(step) {
		if (!complete) {
			complete = d.readyState !== "loading";
			anchors = d.querySelectorAll("mark.f[id]");
			index = new Map();
			anchors.forEach(function (a, i) { index.set(a, i); });
		}
		var at = index.get(d.activeElement);
		var i = at === undefined ? (step > 0 ? 0 : anchors.length - 1) : at + step;
		if (i >= 0 && i < anchors.length) anchors[i].focus();
	}

	// Scrolls TARGET to the middle of the window and focuses it. The rows
	// and chunks the browser skipped while off screen (content-visibility)
	// only take their real height once near the window, which moves the
	// target after the first scroll: it is scrolled again on the next
	// frames, while it is still the focus and out of the window's middle
	// half (a few frames at most: each brings the rows around it to
	// their size).
	function goTo(target) {
		target.scrollIntoView({block: "center"});
		target.focus({preventScroll: true});
		var frames = 4;
		(function settle() {
			requestAnimationFrame(function () {
				if (d.activeElement !== target) return;
				var r = target.getBoundingClientRect(), h = window.innerHeight;
				if (r.top < h / 4 || r.bottom > h * 3 / 4) target.scrollIntoView({block: "center"});
				if (--frames) settle();
			});
		})();
	}

	// The other side of a finding drawn beside its original: from
	// SECTION-oK (the original's) to SECTION-K (the translation's) and
	// back; null when it has none.
	function otherSide(mark) {
		var sec = mark.closest("section.file"), k = mark.dataset.f;
		if (!sec) return null;
		var o = d.getElementById(sec.id + "-o" + k);
		if (!o) return null;
		return mark.closest(".pair .o") ? d.getElementById(sec.id + "-" + k) : o;
	}

	d.addEventListener("keydown", function (e) {
		if (e.key === "Escape") {
			hide();
			return;
		}
		if (e.altKey || e.ctrlKey || e.metaKey) return;
		var m = markAt(e.target);
		if (m && e.key === "Enter") {
			// From a finding to its row in the list.
			var row = rowOf(m);
			if (row) goTo(row.querySelector(":scope > a"));
			e.preventDefault();
		} else if (m && e.key === "o") {
			var there = otherSide(m);
			if (there) goTo(there);
			e.preventDefault();
		} else if (e.key === "j" || e.key === "k") {
			move(e.key === "j" ? 1 : -1);
			e.preventDefault();
		}
	});

	// A row's position links (and the tooltip's link to the other side)
	// focus the finding's mark, which shows it.
	d.addEventListener("click", function (e) {
		var a = e.target.closest ? e.target.closest("ol.findings > li > a, #tip a[href^='#']") : null;
		var target = a && d.getElementById(a.hash.slice(1));
		if (target) {
			e.preventDefault();
			goTo(target);
		}
	});

	d.addEventListener("DOMContentLoaded", function () {
		overview();
		// The page opened at a finding (page.html#ID-K) focuses it.
		var id = location.hash && decodeURIComponent(location.hash.slice(1));
		var start = id && d.getElementById(id);
		if (start && start.matches("mark.f")) goTo(start);
	});
})();
