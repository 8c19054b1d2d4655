// An article's text with what the pipeline found marked in it: entities coloured by type,
// temporal expressions with their TIMEX3 value on hover, event triggers underlined. Spans are
// Unicode scalar offsets, which is how Array.from splits a string.
import { h } from './dom.js';

/** One layer's spans as marks: [{start, end, className, title, href}]. */
export function marksOf(document, entityLinks = new Map()) {
  const marks = [];
  for (const entity of document.entities ?? []) {
    const link = entityLinks.get(`${entity.type}|${entity.canonical_name ?? entity.text}`);
    marks.push({
      ...entity.span, className: `entity type-${entity.type}`,
      title: [entity.type, entity.canonical_name && entity.canonical_name !== entity.text ? entity.canonical_name : null, entity.role].filter(Boolean).join(' · '),
      href: link ? `#/entities/${encodeURIComponent(link)}` : null,
    });
  }
  for (const timex of document.timexes ?? []) {
    marks.push({ ...timex.span, className: `timex timex-${timex.type}`, title: `${timex.type} ${timex.value}${timex.mod ? ` (${timex.mod})` : ''}` });
  }
  for (const event of document.events ?? []) {
    marks.push({ ...event.trigger, className: `trigger modality-${event.modality}`, title: `${event.type === 'OTHER' ? event.lemma ?? event.type : event.type} (${event.modality})` });
  }
  return marks;
}

/** The text cut at every mark's edges; each piece carries the marks covering it. */
export function highlighted(text, marks) {
  const scalars = Array.from(text);
  const cuts = new Set([0, scalars.length]);
  for (const mark of marks) {
    if (mark.start < mark.end && mark.end <= scalars.length) { cuts.add(mark.start); cuts.add(mark.end); }
  }
  const edges = [...cuts].sort((a, b) => a - b);
  const pieces = [];
  for (let index = 0; index + 1 < edges.length; index += 1) {
    const [start, end] = [edges[index], edges[index + 1]];
    const words = scalars.slice(start, end).join('');
    const covering = marks.filter((mark) => mark.start <= start && end <= mark.end && mark.start < mark.end);
    if (!covering.length) { pieces.push(words); continue; }
    // The shortest mark wraps the words and the longer ones wrap it, so a name inside a longer
    // expression is still what a click opens.
    covering.sort((a, b) => (b.end - b.start) - (a.end - a.start));
    let node = words;
    for (const mark of covering.reverse()) {
      const attributes = { class: mark.className, title: mark.title };
      node = mark.href && typeof node === 'string' ? h('a', { ...attributes, href: mark.href }, node) : h('mark', attributes, node);
    }
    pieces.push(node);
  }
  return h('div', { class: 'annotated' }, text.split('\n\n').length > 1 ? paragraphs(pieces) : pieces);
}

/** Paragraph breaks ("\n\n" in the clean text) as <p> elements. */
function paragraphs(pieces) {
  const result = [[]];
  for (const piece of pieces) {
    if (typeof piece !== 'string' || !piece.includes('\n\n')) { result.at(-1).push(piece); continue; }
    const parts = piece.split('\n\n');
    parts.forEach((part, index) => { if (index) result.push([]); if (part) result.at(-1).push(part); });
  }
  return result.map((children) => h('p', {}, children));
}

/** The legend of the marks. */
export function legend() {
  return h('p', { class: 'legend small' },
    ['PERSON', 'ORG', 'LOC', 'NORP', 'MISC'].map((type) => [h('mark', { class: `entity type-${type}` }, type), ' ']),
    h('mark', { class: 'timex' }, 'time (hover for its value)'), ' ',
    h('mark', { class: 'trigger' }, 'event trigger'));
}
