-- Every recorded provisioning event wakes the listeners of its run (channel
-- `provisioning_events`, payload = run id) at commit, without a second statement per event.
CREATE FUNCTION notify_run_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('provisioning_events', NEW.run_id::text);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER provisioning_events_notify AFTER INSERT ON "provisioning_events"
  FOR EACH ROW EXECUTE FUNCTION notify_run_event();
