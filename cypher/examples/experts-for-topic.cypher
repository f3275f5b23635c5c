// Experts around a subject: the people quoted as experts in articles about a topic or mentioning
// an entity (by any name or alias), with their role on the edge and the organizations they speak
// for — GraphQL `experts(topic:)`. Change the name in the first line.
WITH '乌克兰' AS name
CALL (name) {
  MATCH (t:Topic {key: toLower(trim(name))}) RETURN t AS subject
  UNION
  MATCH (:Alias {key: toLower(trim(name))})-[:ALIAS_OF]->(e) RETURN e AS subject
}
MATCH (subject)<-[:HAS_TOPIC|MENTIONS]-(a:Article {imported: true})<-[:QUOTED_AS_EXPERT]-(p:Person)
WITH subject, p, count(DISTINCT a) AS articles
ORDER BY articles DESC, p.name
LIMIT 8
MATCH quoted = (subject)<-[:HAS_TOPIC|MENTIONS]-(:Article {imported: true})<-[:QUOTED_AS_EXPERT]-(p)
OPTIONAL MATCH speaksFor = (p)-[:AFFILIATED_WITH]->(:Organization)
RETURN quoted, speaksFor;
