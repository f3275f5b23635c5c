// One article with its authors, experts, entities, topics and links: a picture of the model.
:param url => 'https://cn.nytimes.com/world/20240520/putin-xi-china-russia';

MATCH (a:Article {url: $url})
OPTIONAL MATCH facts = (a)-[:MENTIONS|HAS_TOPIC|LINKS_TO]->()
OPTIONAL MATCH people = (a)<-[:AUTHORED|QUOTED_AS_EXPERT]-(:Person)
RETURN a, collect(DISTINCT facts) AS facts, collect(DISTINCT people) AS people;
