import type { Built } from './article';
import { buildArticle } from './article';
import { takeByline } from './byline';
import { readContent } from './content';
import { loadHtml, removeJunk } from './dom';

/**
 * The seed layout (the archive's `.md`/`.txt` files):
 *
 *   <!--1716169021000-->            fetch time, ms since the epoch
 *   [title](url)
 *   ------
 *   <one line of article HTML>
 *
 * Times in the HTML (`<time pudate>`, the 2020 `<i>` byline) are Beijing time: the seed's pudate
 * 2024-05-20 09:02:29 precedes its fetch stamp 1716169021000 (01:37:01Z = 09:37:01+08:00) by 35 minutes,
 * which holds for every corpus file read as +08:00, while read as UTC most would be fetched before publication.
 */
const FETCHED = /^\s*<!--\s*(\d{10,13})\s*-->\s*$/;
const TITLE_LINK = /^\s*\[(.*)\]\(\s*(\S*?)\s*\)\s*$/;
const RULE = /^\s*-{3,}\s*$/;

/** True when the text starts like a seed file: the fetch comment or a `[title](url)` line before `------`. */
export function isSeedLayout(text: string): boolean {
  const head = text.slice(0, 4096).split('\n', 4);
  if (FETCHED.test(head[0] ?? '')) return true;
  return /^\s*\[/.test(head[0] ?? '') && head.slice(1).some((line) => RULE.test(line));
}

export function parseSeed(source: string, text: string): Built {
  const lines = text.split('\n');
  let i = 0;
  let fetchedAt: string | null = null;
  const fetched = FETCHED.exec(lines[0] ?? '');
  if (fetched) {
    const ms = Number(fetched[1].length === 10 ? `${fetched[1]}000` : fetched[1]);
    fetchedAt = new Date(ms).toISOString();
    i = 1;
  }
  while (i < lines.length && lines[i].trim() === '') i++;
  const header = TITLE_LINK.exec(lines[i] ?? '');
  // A header cut off mid-line ("[title](https://cn.nyt") has no usable URL; the title may still be there.
  const partialTitle = /^\s*\[([^\]]*)\]?/.exec(lines[i] ?? '');
  const title = header ? header[1] : (partialTitle?.[1] ?? null);
  const url = header ? header[2] : null;
  i++;
  while (i < lines.length && (lines[i].trim() === '' || RULE.test(lines[i]))) i++;
  const html = lines.slice(i).join('\n');

  const $ = loadHtml(html);
  removeJunk($);
  const root = $.root().get(0)!;
  const byline = takeByline(root);
  const content = readContent(root, url ?? undefined);
  return buildArticle({ source, url, title, fetchedAt, ...byline, ...content });
}
