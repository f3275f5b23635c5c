// Who and what is mentioned in the same articles as a person (found by any name or alias): the
// person, the shared articles and the entities they mention — GraphQL `person(name:) { coMentioned }`.
// Change the name in the first line.
WITH 'Jude Blanchette' AS name
MATCH (:Alias {key: toLower(trim(name))})-[:ALIAS_OF]->(p:Person)
MATCH (p)-[:MENTIONS|QUOTED_AS_EXPERT]-(a:Article)-[:MENTIONS]->(other)
WHERE other <> p
WITH p, other, count(DISTINCT a) AS sharedArticles
ORDER BY sharedArticles DESC, other.name
LIMIT 12
MATCH shared = (p)-[:MENTIONS|QUOTED_AS_EXPERT]-(:Article)-[:MENTIONS]->(other)
RETURN shared, sharedArticles;
