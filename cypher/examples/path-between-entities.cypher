// Shortest paths between two entities through the articles, affiliations and links that tie
// them — GraphQL `connection(from:, to:, maxHops: 4)`. Names are folded keys (lower case).
:param from => 'david pierson';
:param to => 'jude blanchette';

MATCH (:Alias {key: $from})-[:ALIAS_OF]->(source)
MATCH (:Alias {key: $to})-[:ALIAS_OF]->(target)
WHERE source <> target
MATCH path = allShortestPaths(
  (source)-[:MENTIONS|HAS_TOPIC|AUTHORED|CONTRIBUTED_TO|TRANSLATED|QUOTED_AS_EXPERT|AFFILIATED_WITH|LINKS_TO|TRANSLATION_OF*..4]-(target)
)
RETURN path
LIMIT 10;
