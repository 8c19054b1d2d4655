// The dashboard: a view per address (#/stories/ID, #/entities/ID, ...), drawn from the public
// JSON API, and the live feed (GET /v1/stream) that keeps the open view up to date.
import { show, failure } from './dom.js';
import { storiesView } from './view-stories.js';
import { storyView } from './view-story.js';
import { entityView } from './view-entity.js';
import { eventView } from './view-event.js';
import { articleView } from './view-article.js';
import { searchView } from './view-search.js';
import { submitView } from './view-submit.js';

const routes = [
  [/^#?\/?$/, 'stories', storiesView],
  [/^#\/stories\/([^/?]+)$/, 'story', storyView],
  [/^#\/entities\/([^/?]+)$/, 'entity', entityView],
  [/^#\/events\/([^/?]+)$/, 'event', eventView],
  [/^#\/articles\/([^/?]+)$/, 'article', articleView],
  [/^#\/search\?q=(.*)$/, 'search', searchView],
  [/^#\/submit$/, 'submit', submitView],
];

/** Messages of the live feed, to the open view: live.listen('story', fn) until the view changes. */
const live = {
  handlers: [],
  listen(kind, handler) { this.handlers.push([kind, handler]); },
  dispatch(kind, data) { for (const [wanted, handler] of this.handlers) if (wanted === kind) handler(data); },
};

let rendering = 0;

async function route() {
  const view = document.getElementById('view');
  const hash = location.hash || '#/';
  const match = routes.map(([pattern, name, render]) => [pattern.exec(hash), name, render]).find(([found]) => found);
  live.handlers = [];
  document.body.dataset.ready = 'false';
  const ticket = ++rendering;
  // A view that was left before its data arrived draws nothing.
  const current = () => ticket === rendering;
  try {
    if (!match) throw new Error(`There is no page at ${hash}.`);
    const [found, name, render] = match;
    document.body.dataset.view = name;
    await render(view, decodeURIComponent(found[1] ?? ''), { live, current });
  } catch (error) {
    if (current()) show(view, 'Error', failure(error));
  }
  if (current()) document.body.dataset.ready = 'true';
}

function connectLive() {
  const status = document.getElementById('live');
  if (!('EventSource' in window)) return;
  const source = new EventSource('/v1/stream');
  source.onopen = () => { status.textContent = 'live'; status.classList.add('on'); };
  source.onerror = () => { status.textContent = 'reconnecting'; status.classList.remove('on'); };
  for (const kind of ['article', 'event', 'event_updated', 'story', 'reset']) {
    source.addEventListener(kind, (message) => {
      let data = {};
      try { data = JSON.parse(message.data); } catch { return; }
      live.dispatch(kind, data);
    });
  }
}

document.getElementById('search').addEventListener('submit', (event) => {
  event.preventDefault();
  const query = new FormData(event.target).get('q').trim();
  if (query) location.hash = `#/search?q=${encodeURIComponent(query)}`;
});
window.addEventListener('hashchange', route);
route();
connectLive();
