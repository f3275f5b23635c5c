// An article's neighbourhood: its authors and quoted experts, the entities it mentions, its topics
// and the articles it links to — a picture of the graph model. Change the URL in the first line.
WITH 'https://cn.nytimes.com/world/20240520/putin-xi-china-russia' AS url
MATCH (a:Article {url: url})
OPTIONAL MATCH facts = (a)-[:MENTIONS|HAS_TOPIC|LINKS_TO]->()
OPTIONAL MATCH people = (a)<-[:AUTHORED|QUOTED_AS_EXPERT]-(:Person)
RETURN a, collect(DISTINCT facts) AS facts, collect(DISTINCT people) AS people;
