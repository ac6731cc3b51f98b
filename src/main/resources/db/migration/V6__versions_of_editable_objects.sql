-- Every editable type carries a version, raised by every update: an update or delete names the
-- version it read, and a stale one is refused (V5 gave observations theirs).
alter table region add column version integer default 0 not null;
alter table source add column version integer default 0 not null;
alter table indicator add column version integer default 0 not null;
alter table program add column version integer default 0 not null;

-- A source's full text, where the bundle has it: a figure written through the API must quote it
-- character for character, as a figure of the bundle must.
alter table source add column full_text varchar(1000000);
