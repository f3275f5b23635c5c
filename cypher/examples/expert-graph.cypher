// Who is an expert on what, as a graph: the EXPERT_ON relationships the importer keeps for a
// subject (a topic, or any name or alias of an entity), with the experts' own strongest other
// subjects. Return paths, so Neo4j Browser draws them. `articles` on each relationship is how
// many articles quote the person as an expert about that subject. Change the name in the first line.
WITH '乌克兰' AS name
CALL (name) {
  MATCH (t:Topic {key: toLower(trim(name))}) RETURN t AS subject
  UNION
  MATCH (:Alias {key: toLower(trim(name))})-[:ALIAS_OF]->(e) RETURN e AS subject
}
MATCH path = (p:Person)-[r:EXPERT_ON]->(subject)
WITH path, p ORDER BY r.articles DESC, r.quotes DESC, p.name LIMIT 25
OPTIONAL MATCH other = (p)-[o:EXPERT_ON]->(:Topic)
WHERE o.articles >= 1
RETURN path, collect(other)[0..3] AS others;
