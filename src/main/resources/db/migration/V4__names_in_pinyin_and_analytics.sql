-- Names in pinyin, computed at import by pinyin4j (never typed by hand), for search and ordering:
-- name_pinyin is written syllable by syllable ("chi feng shi"); name_key is the same letters
-- without spaces ("chifengshi"), the key that NAME ordering and pinyin search compare. Both are
-- lower-case ASCII, so H2 and PostgreSQL compare them alike whatever the database's collation.
alter table region add column name_pinyin varchar(600);
alter table region add column name_key varchar(600);
alter table indicator add column name_pinyin varchar(1200);
alter table indicator add column name_key varchar(1200);
alter table program add column name_pinyin varchar(1800);
alter table program add column name_key varchar(1800);
create index region_name_key_idx on region (name_key, code);
create index indicator_name_key_idx on indicator (name_key, code);
create index program_name_key_idx on program (name_key, code);

-- Observations ordered by value (orderBy VALUE), and an indicator's figures for given regions
-- (series, latest values, roll-ups).
create index observation_value_idx on observation (amount, id);
create index observation_indicator_region_idx on observation (indicator_code, region_code, period_end);
