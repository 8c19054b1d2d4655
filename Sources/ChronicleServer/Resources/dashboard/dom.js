// Building the page: elements made with the DOM API (never from HTML strings, so text from
// articles is always text), and the wording of dates, types and counts.

/** h('a', {href: '#/'}, 'text', child) -> an element; attributes starting with "on" are listeners. */
export function h(tag, attributes = {}, ...children) {
  const element = tag.startsWith('svg:')
    ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4))
    : document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A TIMEX3 date value as people write it, at its own granularity: 2014, March 2022, 16 May 2025. */
export function formatTime(value) {
  if (!value) return 'undated';
  const named = { PRESENT_REF: 'now', PAST_REF: 'in the past', FUTURE_REF: 'to come' }[value];
  if (named) return named;
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T(\d{2}:\d{2}))?/.exec(value);
  if (!match) return value;
  const [, year, month, day, clock] = match;
  if (!month) return year;
  const monthName = months[Number(month) - 1] ?? month;
  if (!day) return `${monthName} ${year}`;
  return `${Number(day)} ${monthName} ${year}${clock ? `, ${clock}` : ''}`;
}

/** The days since 1970 that a date value covers, [first, last], or null when it is no calendar date. */
export function dayRange(value) {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value ?? '');
  if (!match) return null;
  const year = Number(match[1]);
  const day = (y, m, d) => Date.UTC(y, m, d) / 86400000;
  if (!match[2]) return [day(year, 0, 1), day(year, 11, 31)];
  const month = Number(match[2]) - 1;
  if (!match[3]) return [day(year, month, 1), day(year, month + 1, 0)];
  const single = day(year, month, Number(match[3]));
  return [single, single];
}

/** How long the stretch from one day to a later one is, roughly: "3 months", "8 years". */
export function formatGap(days) {
  if (days < 45) return `${Math.round(days)} day${Math.round(days) === 1 ? '' : 's'}`;
  if (days < 700) return `${Math.round(days / 30.4)} months`;
  return `${Math.round(days / 365.25)} years`;
}

/** MEET -> Meet, EXCHANGE_PRISONERS -> Exchange prisoners. */
export function formatType(type) {
  const words = (type ?? '').toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What an event is called: its type ("Meet"), or its lemma ("Send") when the ontology has no type for it. */
export function eventName(event) {
  return event.type === 'OTHER' && event.lemma ? event.lemma.charAt(0).toUpperCase() + event.lemma.slice(1) : formatType(event.type);
}

/** 1 source, 2 sources; 2 entities with `many` given. */
export function plural(count, noun, many = `${noun}s`) {
  return `${count} ${count === 1 ? noun : many}`;
}

/** Who reported: the source the article names, else which article it is. */
export function sourceLabel(report) {
  return report.source ?? `unnamed source (${report.article_id.slice(0, 12)}…)`;
}

/** A link to an entity, coloured by its type. */
export function entityChip(entity) {
  return h('a', { class: `chip type-${entity.type}`, href: `#/entities/${encodeURIComponent(entity.id)}`, title: entity.type }, entity.name);
}

/** Replaces the view's content; sets what it shows in the page title. */
export function show(view, title, ...children) {
  document.title = title ? `${title} · Chronicle` : 'Chronicle';
  view.replaceChildren(...children.flat());
}

/** A line saying what went wrong, from a problem+json error or a network failure. */
export function failure(error) {
  return h('p', { class: 'error', role: 'alert' }, error?.message ?? String(error));
}
