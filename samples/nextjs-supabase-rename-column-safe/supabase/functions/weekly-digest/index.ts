import { createClient } from 'npm:@supabase/supabase-js@2';

// Edge function, invoked over HTTP by the digest scheduler.
Deno.serve(async () => {
  const supabase = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!);
  // expect: read profiles.username @http, read profiles.is_pro @http
  const { data } = await supabase.from('profiles').select('username').eq('is_pro', true);
  return new Response(JSON.stringify({ recipients: data?.length ?? 0 }), {
    headers: { 'Content-Type': 'application/json' },
  });
});
