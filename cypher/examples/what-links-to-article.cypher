// What links to an article, and what it links to — GraphQL `article(url:) { citedBy cites }`.
// Returns the graph, so Neo4j Browser draws it.
:param url => 'https://cn.nytimes.com/business/20240515/biden-china-tariffs';

MATCH (target:Article {url: $url})
OPTIONAL MATCH citing = (:Article)-[:LINKS_TO]->(target)
OPTIONAL MATCH cited = (target)-[:LINKS_TO]->(:Article)
RETURN target, collect(DISTINCT citing) AS citedBy, collect(DISTINCT cited) AS cites;
