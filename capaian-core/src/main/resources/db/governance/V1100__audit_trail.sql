-- Who changed what, when, with the values before and after: one row per changed entity, written in
-- the transaction of the change. Append-only: the triggers refuse UPDATE, DELETE and TRUNCATE, so no
-- API (and no bug in one) can rewrite history.
CREATE TABLE audit_trail (
    id        bigserial   PRIMARY KEY,
    waktu     timestamptz NOT NULL,
    pelaku    text        NOT NULL,
    nama      text,
    peran     text        NOT NULL,
    aksi      text        NOT NULL,
    pemda     text        NOT NULL,
    tahun     integer     NOT NULL,
    opd       text,
    kode      text,
    entitas   text        NOT NULL,
    sebelum   jsonb,
    sesudah   jsonb,
    trace_id  text
);
CREATE INDEX audit_trail_scope ON audit_trail (pemda, tahun, opd, kode, id);
CREATE INDEX audit_trail_pelaku ON audit_trail (pemda, tahun, pelaku, id);

CREATE FUNCTION audit_trail_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_trail is append-only (% refused)', TG_OP;
END $$;
CREATE TRIGGER audit_trail_no_update BEFORE UPDATE OR DELETE ON audit_trail
    FOR EACH ROW EXECUTE FUNCTION audit_trail_append_only();
CREATE TRIGGER audit_trail_no_truncate BEFORE TRUNCATE ON audit_trail
    FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_append_only();
