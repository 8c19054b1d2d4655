// A timeline of merged events drawn along a time axis. The events come in the API's order
// (GET /v1/timeline: by normalized time, a month before the days in it, planned ones last);
// each distinct date is one column on the axis, marked by its granularity (a day is a point, a
// month or a year a span), with the time between columns written on the axis, a line at the
// latest report, and the planned events after it.
import { h, formatTime, eventName, formatGap, dayRange, plural, sourceLabel } from './dom.js';

/** PT2H -> 2 hours, PT90M -> 90 minutes; other values as they are. */
export function formatValue(attribute, value) {
  if (attribute !== 'duration') return value;
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(value);
  if (!match) return value;
  const parts = [[match[1], 'day'], [match[2], 'hour'], [match[3], 'minute']].filter(([n]) => n).map(([n, unit]) => plural(Number(n), unit));
  return parts.join(' ') || value;
}

/** The articles behind an event (a report per article, however often it tells it). */
export function reportingArticles(event) {
  return [...new Map(event.reports.map((report) => [report.article_id, report])).values()];
}

function conflictBadge(conflict) {
  const sides = conflict.sides.map((side) =>
    h('span', { class: 'side' }, formatValue(conflict.attribute, side.value), ' ',
      h('span', { class: 'who' }, `(${side.reports.map((report) => sourceLabel(report)).join(', ')})`)));
  const versus = sides.flatMap((side, index) => (index ? [h('span', { class: 'versus' }, ' vs '), side] : [side]));
  return h('li', { class: 'conflict', dataset: { attribute: conflict.attribute } },
    h('span', { class: 'attribute' }, `⚠ ${conflict.attribute.replace('actor:', '')}: `), versus);
}

function card(event) {
  const articles = reportingArticles(event);
  const who = event.actors.filter((actor) => actor.role !== 'mediator').slice(0, 4).map((actor) => actor.name);
  const mediators = event.actors.filter((actor) => actor.role === 'mediator').map((actor) => actor.name);
  return h('a', {
    class: `event${event.conflicts.length ? ' has-conflict' : ''}${event.is_future ? ' planned' : ''}`,
    href: `#/events/${encodeURIComponent(event.id)}`, role: 'listitem',
    dataset: {
      event: event.id, type: event.type, time: event.time ?? '', granularity: event.granularity ?? '',
      sources: articles.length, independent: event.independent_sources,
      conflicts: event.conflicts.map((conflict) => conflict.attribute).join(' '),
    },
  },
  h('span', { class: 'type' }, eventName(event), event.is_future ? h('span', { class: 'modality' }, ` · ${event.modality}`) : null),
  who.length ? h('span', { class: 'actors' }, who.join(', ')) : null,
  mediators.length ? h('span', { class: 'mediators' }, `mediated by ${mediators.join(', ')}`) : null,
  event.place ? h('span', { class: 'place' }, `in ${event.place}`) : null,
  event.duration ? h('span', { class: 'duration' }, formatValue('duration', event.duration)) : null,
  h('span', { class: 'sources', title: articles.map((report) => sourceLabel(report)).join(', ') },
    `${plural(articles.length, 'source')} · ${event.independent_sources} independent`),
  event.conflicts.length ? h('ul', { class: 'conflicts' }, event.conflicts.map(conflictBadge)) : null);
}

/** Consecutive events of the same date, as columns of the axis. */
function columns(events) {
  const result = [];
  for (const event of events) {
    const key = `${event.is_future ? 'future' : 'past'}|${event.time ?? ''}`;
    const last = result.at(-1);
    if (last && last.key === key) last.events.push(event);
    else result.push({ key, time: event.time, granularity: event.granularity, future: event.is_future, range: dayRange(event.time), events: [event] });
  }
  return result;
}

/** Cards shown per date before the rest fold away behind "more". */
const shownPerColumn = 3;

function column(group) {
  const granularity = group.time && group.range ? (group.granularity ?? 'day') : 'none';
  // The events most sources tell first.
  const events = [...group.events].sort((a, b) => reportingArticles(b).length - reportingArticles(a).length);
  const folded = events.slice(shownPerColumn);
  return h('div', { class: `column granularity-${granularity}${group.future ? ' future' : ''}`, dataset: { time: group.time ?? '' } },
    h('div', { class: 'tick' },
      h('span', { class: 'mark', title: group.time ? `${group.time} (${granularity})` : 'no date given' }),
      h('time', { datetime: group.time ?? '' }, group.time ? formatTime(group.time) : 'date not given')),
    h('div', { class: 'events', role: 'list' }, events.slice(0, shownPerColumn).map(card),
      folded.length ? h('details', { class: 'more' }, h('summary', {}, `${plural(folded.length, 'more event')}`), folded.map(card)) : null));
}

/** Where the axis jumps: the time from one column to the next, when they do not overlap. */
function gap(previous, next) {
  if (!previous?.range || !next?.range || next.range[0] <= previous.range[1] + 1) return null;
  return h('div', { class: 'gap', title: 'time between the two dates' }, formatGap(next.range[0] - previous.range[1]));
}

/**
 * The timeline of `events`; `now` is the date the planned events lie after (the latest report).
 * Returns an element whose columns carry data-time, and whose cards carry data-sources and
 * data-conflicts, so what it shows can be checked as well as seen.
 */
export function timeline(events, { now } = {}) {
  if (!events.length) return h('p', { class: 'empty' }, 'No dated events yet.');
  const groups = columns(events);
  const parts = [];
  let previous = null;
  let drewNow = false;
  for (const group of groups) {
    if (group.future && !drewNow) {
      parts.push(h('div', { class: 'now', title: 'planned events lie ahead of the reports' },
        h('span', {}, now ? `latest report · ${formatTime(now)}` : 'now'), h('span', { class: 'ahead' }, 'planned, proposed, demanded →')));
      drewNow = true;
      previous = null;
    } else if (!group.future) {
      const jump = gap(previous, group);
      if (jump) parts.push(jump);
    }
    parts.push(column(group));
    previous = group;
  }
  if (!drewNow) parts.push(h('div', { class: 'now' }, h('span', {}, now ? `latest report · ${formatTime(now)}` : 'now')));
  return h('section', { class: 'timeline', 'aria-label': 'Timeline' },
    h('div', { class: 'axis' }, parts),
    h('p', { class: 'legend small' },
      h('span', { class: 'mark-sample granularity-day' }), ' a day ',
      h('span', { class: 'mark-sample granularity-month' }), ' a month ',
      h('span', { class: 'mark-sample granularity-year' }), ' a year or longer ',
      h('span', { class: 'conflict-sample' }, '⚠'), ' sources disagree'));
}
