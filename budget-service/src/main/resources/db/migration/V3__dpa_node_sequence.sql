-- Node ids come from a sequence that Hibernate takes 50 at a time (pooled: a value v reserves v-49..v), so
-- that the INSERTs of a bulk write go in JDBC batches; an IDENTITY column made it insert row by row to learn
-- each id. Existing ids continue: the first block starts above the highest id. The column default keeps
-- plain SQL inserts working (each takes a whole block's top value, never one handed out).
ALTER TABLE dpa_node ALTER COLUMN id DROP IDENTITY;
CREATE SEQUENCE dpa_node_seq INCREMENT BY 50 OWNED BY dpa_node.id;
SELECT setval('dpa_node_seq', (SELECT coalesce(max(id), 0) + 50 FROM dpa_node));
ALTER TABLE dpa_node ALTER COLUMN id SET DEFAULT nextval('dpa_node_seq');
