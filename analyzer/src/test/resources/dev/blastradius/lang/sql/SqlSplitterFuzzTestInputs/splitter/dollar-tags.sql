CREATE FUNCTION touch() RETURNS trigger AS $fn$
BEGIN
  NEW.updated_at := now(); -- not a split
  RETURN NEW;
END;
$fn$ LANGUAGE plpgsql;
SELECT $$a;b$$, $x$ $$ ; $x$;
