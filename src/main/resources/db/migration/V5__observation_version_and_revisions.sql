-- Optimistic locking: an update or delete names the version it read; a stale one is refused.
alter table observation add column version integer default 0 not null;

-- Every write through the API, with the state before and after it (JSON text), who made it
-- (the token's subject), when and why. Written in the transaction of the write itself.
create sequence revision_seq start with 1 increment by 50;

create table revision (
    id                 bigint        not null primary key,
    entity_type        varchar(32)   not null,
    entity_key         varchar(200)  not null,
    action             varchar(16)   not null,
    at                 timestamp     not null,
    actor              varchar(200)  not null,
    reason             varchar(2000),
    before_state       varchar(16000),
    after_state        varchar(16000),
    client_mutation_id varchar(200)
);
create index revision_entity_idx on revision (entity_type, entity_key, id);
create index revision_at_idx on revision (at, id);
-- A mutation repeated with the same clientMutationId by the same caller is applied once.
create unique index revision_client_mutation_idx on revision (actor, client_mutation_id);
