'use client';

import { useEffect, useState } from 'react';
import { supabase } from '@/lib/supabase/browser';

type Profile = { username: string | null; avatar_url: string | null };

// Runs in the browser with the anon key: the query is part of the deployed bundle.
export function ProfileCard({ id }: { id: string }) {
  const [profile, setProfile] = useState<Profile | null>(null);
  useEffect(() => {
    // expect: read profiles.username @browser, read profiles.avatar_url @browser, read profiles.id @browser
    supabase
      .from('profiles')
      .select('username, avatar_url')
      .eq('id', id)
      .single()
      .then(({ data }) => setProfile(data));
  }, [id]);
  return <div className="card">{profile?.username ?? 'anonymous'}</div>;
}
