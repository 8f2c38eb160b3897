// html.js: the script of translint's review page (--format html), inlined
// by src/emit/html.c and allowed by its Content-Security-Policy through
// its SHA-256 digest. It fills the overview from the file sections, shows
// a finding's rule, message and fix on hover and on keyboard focus, and
// moves between findings with j and k. Every step is linear in the page
// or constant per event: nothing loops over the findings on hover.
"use strict";
(function () {
	var d = document;

	function el(tag, text, cls) {
		var e = d.createElement(tag);
		if (text !== undefined) e.textContent = text;
		if (cls) e.className = cls;
		return e;
	}

	// The overview: the totals written last move up; the tables of
	// files and of findings per rule are counted from the sections.
	var overview = d.getElementById("overview");
	var totals = d.getElementById("totals");
	if (overview && totals)
		overview.insertBefore(totals, overview.querySelector("noscript"));
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
		sec.querySelectorAll("ol.findings > li").forEach(function (li) {
			var r = rules.get(li.dataset.rule);
			if (!r) {
				r = {name: li.dataset.rule, link: li.querySelector(".rule"), n: [0, 0, 0]};
				rules.set(r.name, r);
			}
			r.n["ewi".indexOf(li.className)]++;
		});
	});
	var fb = d.querySelector("#ov-files tbody");
	if (fb) fb.appendChild(files);
	var rb = d.querySelector("#ov-rules tbody");
	if (rb) {
		var list = Array.from(rules.values()), rows = d.createDocumentFragment();
		list.forEach(function (r) { r.total = r.n[0] + r.n[1] + r.n[2]; });
		list.sort(function (a, b) {
			return b.total - a.total || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
		});
		list.forEach(function (r) {
			var tr = el("tr"), th = el("th");
			th.scope = "row";
			var name = r.link.cloneNode(true);
			th.appendChild(name);
			tr.appendChild(th);
			r.n.concat(r.total).forEach(function (v, j) {
				tr.appendChild(el("td", String(v), v && j < 3 ? "n " + "ewi"[j] : ""));
			});
			rows.appendChild(tr);
		});
		rb.appendChild(rows);
	}

	// The tooltip: one element, filled from the finding's row.
	var tip = d.getElementById("tip"), current = null;

	function rowOf(mark) {
		var sec = mark.closest("section.file");
		return sec && d.getElementById(sec.id + "-r" + mark.dataset.f);
	}

	function place() {
		if (!current) return;
		var r = current.getBoundingClientRect(), w = tip.offsetWidth, h = tip.offsetHeight;
		var left = Math.max(4, Math.min(r.left, window.innerWidth - w - 4));
		var top = r.bottom + 6;
		if (top + h > window.innerHeight - 4 && r.top - h - 6 >= 4) top = r.top - h - 6;
		tip.style.left = left + "px";
		tip.style.top = top + "px";
	}

	function show(mark) {
		var row = rowOf(mark);
		if (!row || !tip) return;
		if (current === mark && !tip.hidden) return;
		current = mark;
		var head = el("div", undefined, "th"), desc = row.querySelector(".desc").cloneNode(true);
		var sev = row.querySelector(".sev").cloneNode(true);
		sev.classList.add(row.className);
		desc.removeAttribute("id");
		head.append(sev, " ", row.querySelector(".rule").cloneNode(true), " ",
			row.querySelector(".loc").textContent);
		tip.replaceChildren(head, desc);
		tip.hidden = false;
		place();
	}

	function hide() {
		if (!tip) return;
		tip.hidden = true;
		current = null;
	}

	function markAt(node) {
		return node && node.closest ? node.closest("mark.f") : null;
	}

	d.addEventListener("mouseover", function (e) {
		var m = markAt(e.target);
		if (m) show(m);
		else if (current && !tip.contains(e.target) && current !== d.activeElement) hide();
	});
	d.addEventListener("focusin", function (e) {
		var m = markAt(e.target);
		if (m) show(m);
		else hide();
	});
	window.addEventListener("scroll", place, {passive: true});
	window.addEventListener("resize", place);

	// j / k: the next or previous finding of the page.
	var anchors = null, index = null;
	function move(step) {
		if (!anchors) {
			anchors = d.querySelectorAll("mark.f[id]");
			index = new Map();
			anchors.forEach(function (a, i) { index.set(a, i); });
		}
		var at = index.get(d.activeElement);
		var i = at === undefined ? (step > 0 ? 0 : anchors.length - 1) : at + step;
		if (i >= 0 && i < anchors.length) anchors[i].focus();
	}

	function goTo(target) {
		target.scrollIntoView({block: "center"});
		target.focus({preventScroll: true});
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
			if (row) goTo(row.querySelector(".loc"));
			e.preventDefault();
		} else if (e.key === "j" || e.key === "k") {
			move(e.key === "j" ? 1 : -1);
			e.preventDefault();
		}
	});

	// The page opened at a finding (page.html#ID-K) focuses it.
	var start = location.hash && d.getElementById(decodeURIComponent(location.hash.slice(1)));
	if (start && start.matches("mark.f")) goTo(start);

	// A row's position link focuses the finding's mark, which shows it.
	d.addEventListener("click", function (e) {
		var a = e.target.closest ? e.target.closest("a.loc") : null;
		var target = a && d.getElementById(a.hash.slice(1));
		if (target) {
			e.preventDefault();
			goTo(target);
		}
	});
})();
