-- The scaled data set: 75 synthetic indicators (their themes in turn through the service's ten)
-- and one yearly figure for every region, indicator and year 2016-2025: 1,346 × 75 × 10 =
-- 1,009,500 observations beside the seed data's. Run after Minsheng has migrated and seeded the
-- database; `vacuum analyze` afterwards, as autovacuum would.
insert into indicator (code, name, name_en, theme, unit, additive)
select 'synthetic.i' || g, '合成指标' || g, 'Synthetic indicator ' || g,
       (array['EMPLOYMENT', 'ELDERLY_CARE', 'CHILDCARE', 'WOMEN_AND_CHILDREN', 'SOCIAL_INSURANCE',
              'SOCIAL_ASSISTANCE', 'EDUCATION', 'HEALTH', 'INCOME', 'PUBLIC_SERVICES'])[1 + (g - 1) % 10],
       'PERSON', true
from generate_series(1, 75) g;

insert into observation (id, indicator_code, region_code, period_start, period_end, amount, qualifier, source_code, quote)
select 10000000 + row_number() over (order by r.code, i.g, y.year),
       'synthetic.i' || i.g, r.code, make_date(y.year, 1, 1), make_date(y.year, 12, 31),
       (hashtext(r.code || '/' || i.g || '/' || y.year) & 1048575), 'EXACT', (select min(code) from source),
       'generated for the benchmark'
from region r
cross join generate_series(1, 75) i(g)
cross join generate_series(2016, 2025) y(year);
