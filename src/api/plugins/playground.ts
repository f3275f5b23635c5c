import fs from 'node:fs';
import path from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';

/**
 * The GraphQL playground: GraphiQL from our own node_modules (graphiql's prebuilt UMD bundle and
 * React 18's), inlined into the landing page Apollo serves on `GET /graphql` from a browser, so it
 * works with no network at all. The README's example operations are its tabs. `?sandbox` loads
 * Apollo Sandbox from Apollo's CDN instead, for those who are online and prefer it.
 */

const ROOT = path.resolve(__dirname, '..', '..', '..');
const README = path.join(ROOT, 'README.md');

export interface ExampleOperation {
  /** The README's heading of the example, e.g. "Which experts appear alongside a topic?". */
  title: string;
  query: string;
}

/**
 * Every ```graphql block of the README, titled by the bold line that introduces it. The README
 * is the one place the examples are written, so the playground shows what it documents.
 */
export function readmeExamples(readme: string = readFileOr(README, '')): ExampleOperation[] {
  const examples: ExampleOperation[] = [];
  const block = /```graphql\n([\s\S]*?)```/g;
  let match: RegExpExecArray | null;
  while ((match = block.exec(readme)) !== null) {
    const before = readme.slice(0, match.index);
    const heading = [...before.matchAll(/^\*\*(.+?)\*\*/gm)].at(-1)?.[1] ?? `Example ${examples.length + 1}`;
    examples.push({ title: heading, query: match[1].trim() });
  }
  return examples;
}

function readFileOr(file: string, fallback: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
}

/** A file of an installed package (by its directory: the packages' export maps hide their UMD builds). */
function asset(pkg: string, file: string): string {
  return fs.readFileSync(path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file), 'utf8');
}

/** Text that is safe inside an inline <script> or <style>: nothing in it can close the element. */
function inline(text: string): string {
  return text.replace(/<\/(script|style)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

const SANDBOX_CDN =
  'https://embeddable-sandbox.cdn.apollographql.com/_latest/embeddable-sandbox.umd.production.min.js';

export function playgroundHtml(examples: ExampleOperation[] = readmeExamples()): string {
  const tabs = examples.map((example) => ({ query: `# ${example.title}\n${example.query}\n` }));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>newsgraph GraphQL playground</title>
<style>${inline(asset('graphiql', 'graphiql.min.css'))}</style>
<style>html, body, #playground { height: 100%; margin: 0; } body { overflow: hidden; }</style>
</head>
<body>
<div id="playground">Loading the playground…</div>
<script>${inline(asset('react', 'umd/react.production.min.js'))}</script>
<script>${inline(asset('react-dom', 'umd/react-dom.production.min.js'))}</script>
<script>${inline(asset('graphiql', 'graphiql.min.js'))}</script>
<script>
(function () {
  var endpoint = location.origin + location.pathname;
  var root = document.getElementById('playground');
  if (new URLSearchParams(location.search).has('sandbox')) {
    var script = document.createElement('script');
    script.src = ${JSON.stringify(SANDBOX_CDN)};
    script.onload = function () {
      new window.EmbeddedSandbox({ target: '#playground', initialEndpoint: endpoint, includeCookies: false });
    };
    script.onerror = function () {
      root.textContent = 'Apollo Sandbox could not be loaded (offline?). Open ' + endpoint + ' for the local playground.';
    };
    root.textContent = '';
    document.body.appendChild(script);
    return;
  }
  var tabs = ${inline(JSON.stringify(tabs))};
  ReactDOM.createRoot(root).render(
    React.createElement(GraphiQL, {
      fetcher: GraphiQL.createFetcher({ url: endpoint }),
      defaultTabs: tabs,
      defaultQuery: tabs.length ? tabs[0].query : undefined,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false
    })
  );
})();
</script>
</body>
</html>
`;
}

/** Apollo's landing page hook: the page is built on the first browser visit and kept. */
export function playgroundPlugin<T extends object>(): ApolloServerPlugin<T> {
  let html: string | undefined;
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return {
            html: async () => {
              html ??= playgroundHtml();
              return html;
            },
          };
        },
      };
    },
  };
}
