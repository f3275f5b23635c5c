import fs from 'node:fs';
import path from 'node:path';

/**
 * The Neo4j Browser guide (`:play http://localhost:4000/browser-guide`) and style, served by the
 * API server. The guide is built from `cypher/examples/*.cypher` on each request, so the queries
 * a user clicks are exactly the files the tests run: one slide per file, its leading comment as
 * the text, its statement as a runnable block.
 *
 * Browser fetches both cross-origin from its own page, so they are sent with CORS headers, and
 * only from hosts its remote-content allowlist names (the launcher allows localhost and
 * 127.0.0.1: `browser.remote_content_hostname_whitelist`).
 */

const ROOT = path.resolve(__dirname, '..', '..');
const EXAMPLES = path.join(ROOT, 'cypher', 'examples');
export const STYLE_FILE = path.join(ROOT, 'cypher', 'style.grass');

export const GUIDE_PATH = '/browser-guide';
export const STYLE_PATH = '/browser-style.grass';

/** Slide order: the questions a newcomer asks first; any other example file follows by name. */
const ORDER = [
  'experts-for-topic',
  'co-mentions-of-person',
  'path-between-entities',
  'article-neighbourhood',
  'what-links-to-article',
];

const TITLES: Record<string, string> = {
  'experts-for-topic': 'Experts around a topic',
  'co-mentions-of-person': 'Mentioned with a person',
  'path-between-entities': 'The path between two entities',
  'article-neighbourhood': "An article's neighbourhood",
  'what-links-to-article': 'What links to an article',
};

export interface GuideExample {
  name: string;
  title: string;
  description: string;
  query: string;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The example files: leading `//` lines are the description, the rest is the one statement. */
export function readExamples(dir = EXAMPLES): GuideExample[] {
  const names = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.cypher'))
    .map((file) => file.slice(0, -'.cypher'.length));
  const rank = (name: string) => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length);
  names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return names.map((name) => {
    const lines = fs.readFileSync(path.join(dir, `${name}.cypher`), 'utf8').split('\n');
    const comment: string[] = [];
    let i = 0;
    for (; i < lines.length && lines[i].trim().startsWith('//'); i++) {
      comment.push(lines[i].trim().replace(/^\/\/\s?/, ''));
    }
    const query = lines.slice(i).join('\n').trim().replace(/;$/, '');
    const title = TITLES[name] ?? name.replace(/-/g, ' ');
    return { name, title, description: comment.join(' '), query };
  });
}

function slide(title: string, lead: string, body: string): string {
  return [
    '<slide class="row-fluid">',
    '  <div class="col-sm-3">',
    `    <h3>${escapeHtml(title)}</h3>`,
    `    <p class="lead">${lead}</p>`,
    '  </div>',
    `  <div class="col-sm-9">${body}</div>`,
    '</slide>',
  ].join('\n');
}

function runnable(code: string): string {
  return `<pre mode="cypher" class="pre-scrollable code runnable">${escapeHtml(code)}</pre>`;
}

/** The guide as HTML; `origin` is the API server as the Browser reached it (for the style URL). */
export function renderGuide(origin: string, examples = readExamples()): string {
  const styleUrl = `${origin}${STYLE_PATH}`;
  const intro = slide(
    'newsgraph',
    'News articles as a graph: people, organizations, places, topics, quotes and links.',
    [
      '<p>Click a query to put it in the editor, then run it (Ctrl+Enter or the run button): each',
      'one draws a picture. Change the example value in its first line to ask about something else.</p>',
      '<p>First load the colours and captions:</p>',
      runnable(`:style ${styleUrl}`),
      '<p>What the graph knows about, most articles first:</p>',
      runnable(
        'MATCH (t:Topic) RETURN t.name AS topic, t.articleCount AS articles ORDER BY articles DESC LIMIT 25',
      ),
    ].join('\n'),
  );
  const slides = examples.map((example) =>
    slide(example.title, escapeHtml(example.description), runnable(example.query)),
  );
  return [
    '<!DOCTYPE html>',
    '<html><head><meta charset="utf-8"><title>newsgraph</title></head><body>',
    '<article class="guide">',
    '<carousel class="deck container-fluid">',
    intro,
    ...slides,
    '</carousel>',
    '</article>',
    '</body></html>',
    '',
  ].join('\n');
}
