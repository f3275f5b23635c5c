// Experts on a subject: people quoted as experts in articles that have the subject as a topic
// or mention it (any name or alias), with their organizations — GraphQL `experts(topic:)`.
// `key` is the folded name: lower case, as the importer stores it.
:param key => '乌克兰';

CALL () {
  MATCH (t:Topic {key: $key}) RETURN t AS anchor
  UNION
  MATCH (:Alias {key: $key})-[:ALIAS_OF]->(e) RETURN e AS anchor
}
MATCH (anchor)-[:HAS_TOPIC|MENTIONS]-(a:Article {imported: true})<-[e:QUOTED_AS_EXPERT]-(p:Person)
WITH p, count(DISTINCT a) AS articles, collect(DISTINCT e.role) AS roles,
     collect(DISTINCT e.organization) AS organizations, collect(e.quote)[0] AS quote
RETURN p.name AS expert, p.aliases AS aliases, roles, organizations, articles, quote
ORDER BY articles DESC, expert
LIMIT 25;
