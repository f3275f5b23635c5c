// What links to an article, and what it links to — GraphQL `article(url:) { citedBy cites }`.
// Change the URL in the first line.
WITH 'https://cn.nytimes.com/business/20240515/biden-china-tariffs' AS url
MATCH (target:Article {url: url})
OPTIONAL MATCH citing = (:Article)-[:LINKS_TO]->(target)
OPTIONAL MATCH cited = (target)-[:LINKS_TO]->(:Article)
RETURN target, collect(DISTINCT citing) AS citedBy, collect(DISTINCT cited) AS cites;
