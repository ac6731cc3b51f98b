-- An indicator's observations in ID order (Indicator.observations pages, filters on indicatorCodes):
-- the counterpart of observation_region_idx.
create index observation_indicator_idx on observation (indicator_code, id);
