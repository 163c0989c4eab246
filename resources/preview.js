// SPDX-License-Identifier: GPL-3.0-or-later
//
// The preview's own code.  EePreview runs it with
// webkit_web_view_evaluate_javascript() in the "ecosystem-editor" script
// world, once after each load of the page: the page itself runs no script
// (JavaScript markup is off and its Content-Security-Policy allows none), and
// nothing in the page can see or call what this world defines.  The world
// shares the DOM with the page, not its globals.

(() => {
  'use strict';

  const article = document.querySelector('article.md-content');
  const root = document.documentElement;
  // The state of the page the widget sent last and the page applied: a
  // click reports it, so that the widget never takes a click on an older
  // page for one on the current.
  let generation = Number(root.dataset.eePage);

  function sectionElement(kind, html) {
    const section = document.createElement('section');

    section.className = 'ee-section';
    section.dataset.eeKind = kind;
    section.innerHTML = html;
    return section;
  }

  // The first section still in view: the one whose bottom is below the top
  // of the viewport.  Sections are in page order, so a binary search finds
  // it with a few reads of the(clean) layout.
  function firstVisibleSection() {
    const sections = article.children;
    let low = 0;
    let high = sections.length - 1;
    let found = -1;

    while (low <= high) {
      const middle = (low + high) >> 1;

      if (sections[middle].getBoundingClientRect().bottom > 0) {
        found = middle;
        high = middle - 1;
      } else {
        low = middle + 1;
      }
    }
    return found;
  }

  // Applies one update, with indices as the page had them before it:
  // @changed replaces the content of sections that stay, then @removed
  // sections from @start are replaced by @inserted([kind, html] pairs).
  // What the reader looks at must not move, so when anything above the
  // first visible section changes, that section keeps its offset from the
  // top of the viewport.  Only then is the new layout read back.
  function update(newGeneration, start, removed, inserted, changed) {
    const sections = article.children;
    const spliced = removed > 0 || inserted.length > 0;
    let lowest = spliced ? start : Infinity;
    let anchor = null;
    let anchorTop = 0;

    for (const [index] of changed)
      lowest = Math.min(lowest, index);

    if (window.scrollY > 0 && lowest < Infinity) {
      let index = firstVisibleSection();

      // A section the update removes cannot hold the view in place; the
      // first one after it can.
      if (spliced && index >= start && index < start + removed)
        index = start + removed;
      if (index > lowest && index < sections.length) {
        anchor = sections[index];
        anchorTop = anchor.getBoundingClientRect().top;
      }
    }

    for (const [index, html] of changed)
      sections[index].innerHTML = html;

    if (spliced) {
      if (start === 0 && removed === sections.length) {
        // Everything changed: one assignment, one parse.
        article.innerHTML = inserted.map(([kind, html]) =>
          '<section class="ee-section" data-ee-kind="' + kind + '">' + html + '</section>').join('');
      } else {
        const fragment = document.createDocumentFragment();
        const before = sections[start + removed] || null;

        for (let i = 0; i < removed; i++)
          sections[start].remove();
        for (const [kind, html] of inserted)
          fragment.append(sectionElement(kind, html));
        article.insertBefore(fragment, before);
      }
      for (let i = start; i < sections.length; i++)
        sections[i].dataset.eeSection = String(i);
    }

    if (anchor !== null && anchor.isConnected) {
      const moved = anchor.getBoundingClientRect().top - anchorTop;

      if (moved !== 0)
        window.scrollBy(0, moved);
    }

    generation = newGeneration;
    return sections.length;
  }

  // Where the reader is, so that a new load of the page (a reload, or a
  // web process that ended) opens at the same place: the first visible
  // section and how far the viewport's top is below the section's.  It is
  // reported once the scroll has rested, and not during a reveal's own
  // smooth scroll, whose destination the widget already knows.
  let placeTimer = 0;
  let revealing = 0;

  function reportPlace() {
    const now = performance.now();

    if (now < revealing) {
      placeTimer = setTimeout(reportPlace, revealing - now);
      return;
    }

    const index = window.scrollY > 0 ? firstVisibleSection() : -1;
    const offset = index >= 0 ? Math.round(-article.children[index].getBoundingClientRect().top) : 0;

    window.webkit.messageHandlers.eePlace.postMessage([generation, index, offset]);
  }

  window.addEventListener('scroll', () => {
    clearTimeout(placeTimer);
    placeTimer = setTimeout(reportPlace, 200);
  }, { passive: true });

  // Opens the page at a place reportPlace() gave, at once.
  function restore(index, offset, highlight) {
    const section = article.children[index];

    if (section === undefined)
      return false;
    window.scrollTo(0, window.scrollY + section.getBoundingClientRect().top + offset);
    if (highlight)
      section.classList.add('ee-highlight');
    return true;
  }

  function reveal(index) {
    const section = article.children[index];

    if (section === undefined)
      return false;
    revealing = performance.now() + 1000;
    for (const highlighted of article.querySelectorAll('.ee-highlight'))
      highlighted.classList.remove('ee-highlight');
    if (index === 0)
      window.scrollTo({ top: 0, behavior: 'smooth' });
    else
      section.scrollIntoView({ behavior: 'smooth', block: 'start' });
    // Reading the layout between removing and adding the class restarts
    // the animation when the same section is revealed twice.
    void section.offsetWidth;
    section.classList.add('ee-highlight');
    return true;
  }

  function setDark(dark) {
    root.classList.toggle('ee-dark', dark);
    root.classList.toggle('ee-light', !dark);
  }

  // A click in a section selects its initiative or cluster in the editor.
  // Links open in the browser instead, and a click that ends a text
  // selection only selects text.
  document.addEventListener('click', (event) => {
    if (event.button !== 0 || !(event.target instanceof Element))
      return;

    const link = event.target.closest('a[href]');

    // A link to another page of the hub folder, as a cluster's card has,
    // opens that page in the preview.
    if (link !== null) {
      const href = link.getAttribute('href');

      if (/^[^:/?#]+\.md$/i.test(href)) {
        let name = href;

        event.preventDefault();
        try {
          name = decodeURIComponent(href);
        } catch (error) {
          // A stray "%" is part of the name.
        }
        window.webkit.messageHandlers.eePage.postMessage([generation, name]);
      }
      return;
    }

    const section = event.target.closest('section.ee-section');
    const selection = window.getSelection();

    if (section === null || (selection !== null && !selection.isCollapsed))
      return;
    window.webkit.messageHandlers.eeActivate.postMessage(
      [generation, Number(section.dataset.eeSection)]);
  });

  globalThis.eePreview = { update, reveal, restore, setDark };
  return true;
})();
