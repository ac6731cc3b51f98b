-- The files an import read from its bundle, one a line, in the order their text went into the
-- checksum: a restart counts the checksum over them again without parsing the bundle. Null for
-- imports made before this column, whose bundle a restart reads whole.
alter table seed_import add column files varchar(16000);
