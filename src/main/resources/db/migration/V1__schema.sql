-- Minsheng schema. Runs unchanged on H2 2.x and PostgreSQL 15.
-- Flyway owns the schema; Hibernate only validates it. Data comes from the seed bundle.

create table region (
    code             varchar(12)  not null primary key,
    name             varchar(100) not null,
    name_en          varchar(200),
    level            varchar(16)  not null,
    parent_code      varchar(12)  references region (code),
    statistical_only boolean      not null
);
create index region_parent_idx on region (parent_code);
create index region_level_idx on region (level, code);

-- Closure of the region tree: one row per (region, ancestor-or-self).
create table region_ancestor (
    region_code   varchar(12) not null references region (code),
    ancestor_code varchar(12) not null references region (code),
    distance      smallint    not null,
    primary key (region_code, ancestor_code)
);
create index region_ancestor_ancestor_idx on region_ancestor (ancestor_code, region_code);

create table source (
    code           varchar(64)   not null primary key,
    title          varchar(500)  not null,
    title_en       varchar(500),
    publisher      varchar(200),
    author         varchar(500),
    source_date    date,
    date_precision varchar(16),
    locator        varchar(1000),
    note           varchar(4000)
);

create table indicator (
    code           varchar(100)  not null primary key,
    name           varchar(200)  not null,
    name_en        varchar(200),
    description    varchar(4000),
    description_en varchar(4000),
    theme          varchar(32)   not null,
    unit           varchar(32)   not null,
    counter_zh     varchar(16),
    counter_en     varchar(64),
    additive       boolean       not null
);
create index indicator_theme_idx on indicator (theme, code);

create table program (
    code           varchar(100)  not null primary key,
    name           varchar(300)  not null,
    name_en        varchar(300),
    description    varchar(4000),
    description_en varchar(4000),
    theme          varchar(32)   not null,
    kind           varchar(32)   not null,
    agency         varchar(300),
    agency_en      varchar(300),
    started_on     date,
    start_precision varchar(16),
    ended_on       date,
    end_precision  varchar(16),
    source_code    varchar(64)   references source (code)
);
create index program_theme_idx on program (theme, code);
create index program_source_idx on program (source_code);

create table program_region (
    program_code varchar(100) not null references program (code),
    region_code  varchar(12)  not null references region (code),
    primary key (program_code, region_code)
);
create index program_region_region_idx on program_region (region_code, program_code);

create table program_indicator (
    program_code   varchar(100) not null references program (code),
    indicator_code varchar(100) not null references indicator (code),
    primary key (program_code, indicator_code)
);
create index program_indicator_indicator_idx on program_indicator (indicator_code, program_code);

create sequence observation_seq start with 1 increment by 50;

create table observation (
    id             bigint         not null primary key,
    indicator_code varchar(100)   not null references indicator (code),
    region_code    varchar(12)    not null references region (code),
    period_start   date           not null,
    period_end     date           not null,
    amount         numeric(30, 6) not null,
    qualifier      varchar(16)    not null,
    source_code    varchar(64)    not null references source (code),
    quote          varchar(2000)  not null,
    note           varchar(2000),
    constraint observation_natural_key unique (indicator_code, region_code, period_start, period_end, source_code),
    constraint observation_period_order check (period_end >= period_start)
);
create index observation_region_idx on observation (region_code, id);
create index observation_source_idx on observation (source_code);
create index observation_period_idx on observation (period_end, period_start);

-- One row per successful seed import; the newest row says what the database holds.
create sequence seed_import_seq start with 1 increment by 1;

create table seed_import (
    id            bigint        not null primary key,
    checksum      varchar(64)   not null,
    location      varchar(1000) not null,
    imported_at   timestamp     not null,
    regions       integer       not null,
    sources       integer       not null,
    indicators    integer       not null,
    programs      integer       not null,
    observations  integer       not null
);

-- A single row that importers lock (select ... for update) so that replicas
-- starting together import one after the other, never at the same time.
create table seed_lock (
    id integer not null primary key
);
insert into seed_lock (id) values (1);
