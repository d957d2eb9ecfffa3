-- Profiles, one per auth user.
-- expect: ddl profiles.id @migration, ddl profiles.username @migration, ddl profiles.avatar_url @migration, ddl profiles.stripe_customer_id @migration, ddl profiles.is_pro @migration, ddl profiles.last_seen_at @migration
CREATE TABLE profiles (
    id                 uuid PRIMARY KEY,
    username           text UNIQUE,
    avatar_url         text,
    stripe_customer_id text,
    is_pro             boolean NOT NULL DEFAULT false,
    last_seen_at       timestamptz
);

-- The leaderboard, called from the browser with supabase.rpc('top_creators').
CREATE FUNCTION top_creators() RETURNS TABLE (username text) LANGUAGE sql STABLE AS $$
  -- expect: read profiles.username @browser, read profiles.is_pro @browser, read profiles.last_seen_at @browser
  SELECT username FROM profiles WHERE is_pro ORDER BY last_seen_at DESC LIMIT 10
$$;
