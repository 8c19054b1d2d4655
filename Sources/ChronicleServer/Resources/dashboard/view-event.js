// One merged event: what the reports agree on, the sentence of every report with its trigger
// marked, and where they disagree, side by side.
import { get } from './api.js';
import { h, show, formatTime, eventName, plural, sourceLabel } from './dom.js';
import { formatValue, reportingArticles } from './timeline.js';

/** The report's sentence with the trigger marked (spans are offsets into the article's text). */
function evidence(report) {
  if (!report.sentence) return h('p', { class: 'sentence' }, report.trigger);
  const scalars = Array.from(report.sentence);
  const start = report.trigger_span && report.sentence_span ? report.trigger_span.start - report.sentence_span.start : -1;
  const end = start >= 0 ? start + (report.trigger_span.end - report.trigger_span.start) : -1;
  if (start < 0 || end > scalars.length) return h('p', { class: 'sentence' }, report.sentence);
  return h('p', { class: 'sentence' },
    scalars.slice(0, start).join(''), h('mark', { class: 'trigger' }, scalars.slice(start, end).join('')), scalars.slice(end).join(''));
}

function reportCard(report) {
  return h('li', { class: 'report', dataset: { article: report.article_id } },
    h('p', { class: 'source' },
      h('a', { href: `#/articles/${encodeURIComponent(report.article_id)}` }, sourceLabel(report)),
      report.publication_date ? ` · ${formatTime(report.publication_date)}` : '',
      report.copy_of ? h('span', { class: 'copy', title: `a syndicated copy of ${report.copy_of}` }, ' · copy') : '',
      report.modality !== 'asserted' ? ` · ${report.modality}` : ''),
    evidence(report));
}

function conflictTable(conflict) {
  return h('table', { class: 'conflict-sides', dataset: { attribute: conflict.attribute } },
    h('caption', {}, `Sources disagree on ${conflict.attribute.replace('actor:', 'who took part: ')}`),
    h('thead', {}, h('tr', {}, conflict.sides.map((side) => h('th', {}, formatValue(conflict.attribute, side.value))))),
    h('tbody', {}, h('tr', {}, conflict.sides.map((side) =>
      h('td', {}, h('ul', {}, side.reports.map((report) => h('li', {}, sourceLabel(report)))))))));
}

async function draw(view, id, current) {
  const event = await get(`/v1/merged-events/${encodeURIComponent(id)}`);
  if (!current()) return;
  const roles = ['agent', 'participant', 'patient', 'recipient', 'mediator'];
  const articles = reportingArticles(event);
  show(view, eventName(event),
    h('p', { class: 'crumbs small' }, h('a', { href: '#/' }, 'Stories'), ' › ', h('a', { href: `#/stories/${encodeURIComponent(event.story)}` }, 'story'), ' ›'),
    h('h1', {}, eventName(event), ' ', h('span', { class: 'when' }, formatTime(event.time))),
    h('dl', { class: 'facts' },
      roles.flatMap((role) => {
        const actors = event.actors.filter((actor) => actor.role === role);
        const names = actors.map((actor) => (actor.entity ? h('a', { href: `#/entities/${encodeURIComponent(actor.entity)}` }, actor.name) : actor.name));
        return actors.length ? [h('dt', {}, role), h('dd', {}, names.flatMap((name, index) => (index ? [', ', name] : [name])))] : [];
      }),
      event.place ? [h('dt', {}, 'place'), h('dd', {}, event.place)] : [],
      event.duration ? [h('dt', {}, 'duration'), h('dd', {}, formatValue('duration', event.duration))] : [],
      event.quantities.length ? [h('dt', {}, 'quantities'), h('dd', {}, event.quantities.map((q) => [q.value, q.unit, q.counted].filter(Boolean).join(' ')).join('; '))] : [],
      [h('dt', {}, 'told as'), h('dd', {}, event.modality + (event.is_future ? ' (ahead of the reports)' : ''))],
      [h('dt', {}, 'time'), h('dd', {}, event.time ? `${event.time} (${event.granularity ?? 'day'}${event.time_from_text ? '' : ', from the publication date'})` : 'not given')]),
    event.conflicts.length ? [h('h2', {}, 'Where the sources disagree'), h('div', { class: 'conflict-list' }, event.conflicts.map(conflictTable))] : [],
    h('h2', {}, `${plural(articles.length, 'source')}, ${event.independent_sources} independent`),
    h('ol', { class: 'reports' }, event.reports.map(reportCard)));
}

export async function eventView(view, id, { live, current }) {
  await draw(view, id, current);
  live.listen('event_updated', (message) => { if (message.id === id && current()) draw(view, id, current).catch(() => {}); });
}
