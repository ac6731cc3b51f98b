-- How each figure was made (COUNT, SAMPLE_ESTIMATE, DERIVED, REPORTED) and the decimals it was published
-- with in its base unit (2 for 16.22 %, 0 for 339155 persons, -3 for "20.1万"; null where unknown). The
-- figures before this migration are the article's: reported, their precision set by the next seed import.
alter table observation add column status varchar(20) default 'REPORTED' not null;
alter table observation add column precision_decimals integer;
