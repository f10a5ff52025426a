-- A trigger function that announces every changed row on a channel.
-- The channel is the trigger's first argument; the payload is JSON:
-- {"id": 2, "op": "update", "table": "station"}
CREATE OR REPLACE FUNCTION announce_row_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    changed record;
BEGIN
    IF TG_OP = 'DELETE' THEN
        changed := OLD;
    ELSE
        changed := NEW;
    END IF;
    PERFORM pg_notify(
        TG_ARGV[0],
        jsonb_build_object(
            'table', TG_TABLE_NAME,
            'op', lower(TG_OP),
            'id', changed.id
        )::text
    );
    RETURN NULL;  -- the result of an AFTER trigger is ignored
END;
$$;

-- Fire it once for each row that an INSERT, UPDATE or DELETE on "station" touches,
-- after the change; PostgreSQL delivers the notification when the transaction commits.
DROP TRIGGER IF EXISTS station_changed ON station;
CREATE TRIGGER station_changed
    AFTER INSERT OR UPDATE OR DELETE ON station
    FOR EACH ROW
    EXECUTE FUNCTION announce_row_change('station_changes');
