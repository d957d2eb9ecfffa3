-- Supabase side of the product: public profiles, storage, row level security and realtime.

CREATE TABLE public.profiles (
    id          uuid NOT NULL REFERENCES auth.users ON DELETE CASCADE,
    username    text UNIQUE,
    avatar_url  text,
    website     text,
    updated_at  timestamp with time zone,
    PRIMARY KEY (id),
    CONSTRAINT username_length CHECK (char_length(username) >= 3)
);

ALTER TABLE public.profiles ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.profiles FORCE ROW LEVEL SECURITY;

CREATE POLICY "Public profiles are viewable by everyone." ON public.profiles
    FOR SELECT USING (true);

CREATE POLICY "Users can insert their own profile." ON public.profiles
    FOR INSERT WITH CHECK ((SELECT auth.uid()) = id);

CREATE POLICY "Users can update own profile." ON public.profiles
    FOR UPDATE TO authenticated
    USING ((SELECT auth.uid()) = id)
    WITH CHECK ((SELECT auth.uid()) = id);

CREATE OR REPLACE FUNCTION public.handle_new_user()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER SET search_path = ''
AS $$
BEGIN
  INSERT INTO public.profiles (id, username, avatar_url)
  VALUES (new.id, new.raw_user_meta_data ->> 'user_name', new.raw_user_meta_data ->> 'avatar_url');
  RETURN new;
END;
$$;

CREATE TRIGGER on_auth_user_created
  AFTER INSERT ON auth.users
  FOR EACH ROW EXECUTE PROCEDURE public.handle_new_user();

ALTER TABLE projects ENABLE ROW LEVEL SECURITY;

CREATE POLICY projects_member_read ON projects
    AS PERMISSIVE
    FOR SELECT
    TO authenticated
    USING (
        organization_id IN (
            SELECT m.organization_id FROM memberships m WHERE m.user_id = (SELECT auth.uid())
        )
    );

CREATE POLICY projects_admin_write ON projects
    FOR ALL
    TO authenticated
    USING (EXISTS (
        SELECT 1 FROM memberships m
         WHERE m.organization_id = projects.organization_id
           AND m.user_id = auth.uid()
           AND m.role IN ('owner', 'admin')))
    WITH CHECK (visibility <> 'public' OR auth.jwt() ->> 'plan' = 'pro');

CREATE POLICY tasks_restrictive_tenant ON tasks AS RESTRICTIVE FOR ALL TO public
    USING (project_id IN (SELECT id FROM projects));

ALTER POLICY projects_member_read ON projects TO authenticated, service_role;
DROP POLICY IF EXISTS "Old public read" ON public.profiles;

-- Storage: a bucket for avatars with per-user folders.
INSERT INTO storage.buckets (id, name, public)
VALUES ('avatars', 'avatars', true)
ON CONFLICT (id) DO NOTHING;

CREATE POLICY "Avatar images are publicly accessible." ON storage.objects
  FOR SELECT USING (bucket_id = 'avatars');

CREATE POLICY "Anyone can upload an avatar." ON storage.objects
  FOR INSERT WITH CHECK (bucket_id = 'avatars' AND (storage.foldername(name))[1] = auth.uid()::text);

-- Realtime for task updates.
ALTER PUBLICATION supabase_realtime ADD TABLE public.tasks;
ALTER PUBLICATION supabase_realtime SET TABLE public.tasks, public.comments;
CREATE PUBLICATION analytics_pub FOR TABLE public.events WITH (publish = 'insert');

GRANT USAGE ON SCHEMA public TO anon, authenticated;
GRANT SELECT ON public.profiles TO anon;
GRANT SELECT, INSERT, UPDATE ON public.profiles TO authenticated;
GRANT EXECUTE ON FUNCTION public.organization_usage(bigint) TO authenticated;
REVOKE EXECUTE ON FUNCTION public.handle_new_user() FROM anon, authenticated;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public GRANT ALL ON TABLES TO service_role;

CREATE OR REPLACE FUNCTION public.is_member_of(org bigint)
RETURNS boolean
LANGUAGE sql
SECURITY DEFINER
STABLE
SET search_path = public
AS $$
  SELECT EXISTS (
    SELECT 1 FROM public.memberships
     WHERE organization_id = org AND user_id = auth.uid()
  );
$$;

CREATE POLICY comments_member_read ON public.comments
  FOR SELECT TO authenticated
  USING (public.is_member_of((SELECT p.organization_id FROM public.tasks t JOIN public.projects p ON p.id = t.project_id WHERE t.id = task_id)));

-- Edge functions call this through supabase.rpc('search_tasks', …).
CREATE OR REPLACE FUNCTION public.search_tasks(query text, max_results int DEFAULT 20)
RETURNS SETOF public.tasks
LANGUAGE sql STABLE
AS $$
  SELECT *
    FROM public.tasks
   WHERE search @@ websearch_to_tsquery('simple', query)
   ORDER BY ts_rank(search, websearch_to_tsquery('simple', query)) DESC
   LIMIT max_results;
$$;

SELECT set_config('request.jwt.claims', '{"sub":"8d0fd1b2-3c4d-4e5f-8a9b-0c1d2e3f4a5b","role":"authenticated"}', true);
SET ROLE authenticated;
SELECT id, username FROM public.profiles WHERE id = auth.uid();
RESET ROLE;

ALTER TABLE public.profiles ADD COLUMN bio text CHECK (length(bio) < 1000);
NOTIFY pgrst, 'reload schema';
