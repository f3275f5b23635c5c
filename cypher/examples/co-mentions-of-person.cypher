// Who and what appears in the same articles as a person (found by any name or alias), with the
// number of shared articles — GraphQL `person(name:) { coMentioned }`.
:param key => 'jude blanchette';

MATCH (:Alias {key: $key})-[:ALIAS_OF]->(p:Person)
MATCH (p)-[:MENTIONS|QUOTED_AS_EXPERT]-(a:Article)
WITH DISTINCT p, a
MATCH (a)-[:MENTIONS]->(other)
WHERE other <> p
RETURN labels(other)[0] AS kind, other.name AS name, count(a) AS sharedArticles
ORDER BY sharedArticles DESC, name
LIMIT 25;
