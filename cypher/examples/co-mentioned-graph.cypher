// Who and what is mentioned alongside an entity, as a graph: its CO_MENTIONED relationships
// (kept by the importer; `articles` = shared articles, `mentions` = how often they name the other
// entity), strongest first, and the co-mentions among those neighbours. Change the name in the first line.
WITH 'Jude Blanchette' AS name
MATCH (:Alias {key: toLower(trim(name))})-[:ALIAS_OF]->(n)
MATCH path = (n)-[r:CO_MENTIONED]->(m)
WITH n, path, m ORDER BY r.articles DESC, r.mentions DESC, m.name LIMIT 15
WITH n, collect(path) AS paths, collect(m) AS neighbours
UNWIND neighbours AS m
OPTIONAL MATCH between = (m)-[:CO_MENTIONED]->(other)
WHERE other IN neighbours
RETURN paths, collect(between) AS among;
