-- How many regions the source says a programme covers when it names only some of them
-- ("在乌兰察布等5个盟市": one named, five in all); null when program_region lists them all.
alter table program add column regions_in_all integer;
alter table program add constraint program_regions_in_all_positive check (regions_in_all > 0);
