-- The sources an import owned (comma-separated codes), or '*' when it replaced everything; null for
-- imports made before bundles were scoped to their sources, which replaced everything too.
alter table seed_import add column owned_sources varchar(16000);
