'use client';

import { useEffect, useState } from 'react';
import { supabase } from '@/lib/supabase/browser';

// Calls the SQL function top_creators(), which reads profiles.username.
export function Leaderboard() {
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    supabase.rpc('top_creators').then(({ data }) => setNames((data ?? []).map((r: { username: string }) => r.username)));
  }, []);
  return <ol>{names.map((n) => <li key={n}>{n}</li>)}</ol>;
}
