// How two entities are connected: the shortest paths through the articles, affiliations and links
// that tie them — GraphQL `connection(from:, to:, maxHops: 4)`. Change the names in the first line.
WITH 'David Pierson' AS fromName, 'Jude Blanchette' AS toName
MATCH (:Alias {key: toLower(trim(fromName))})-[:ALIAS_OF]->(source)
MATCH (:Alias {key: toLower(trim(toName))})-[:ALIAS_OF]->(target)
WHERE source <> target
MATCH path = allShortestPaths(
  (source)-[:MENTIONS|HAS_TOPIC|AUTHORED|CONTRIBUTED_TO|TRANSLATED|QUOTED_AS_EXPERT|AFFILIATED_WITH|LINKS_TO|TRANSLATION_OF*..4]-(target)
)
RETURN path
LIMIT 10;
